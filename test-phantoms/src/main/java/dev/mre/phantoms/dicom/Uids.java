// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.dicom;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic UIDs: 2.25.&lt;decimal of a 128-bit number&gt; (PS3.5 B.2, UUID-derived UIDs), the
 * number being the first 16 bytes of SHA-256(seed, role). Same seed and role, same UID, so a
 * regenerated exam is byte-identical; different seeds never collide in practice.
 */
final class Uids {
    private Uids() {
    }

    static String of(long seed, String role) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(("mre-phantom:" + seed + ":" + role).getBytes(StandardCharsets.UTF_8));
            byte[] b = new byte[16];
            System.arraycopy(h, 0, b, 0, 16);
            return "2.25." + new BigInteger(1, b).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
