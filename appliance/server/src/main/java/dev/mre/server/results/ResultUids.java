// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic UIDs of the result objects, so that processing the same input with the same
 * algorithm again yields the same Series and SOP Instance UIDs: a destination then sees a
 * duplicate of a result it holds, not a second result.
 *
 * <p>A UID is {@code 2.25.<n>} (PS3.5 B.2), n being a 128-bit UUID of version 8 (RFC 9562, custom)
 * whose other 122 bits are the first bits of SHA-256 over: the Study Instance UID, every source
 * image's series and SOP Instance UID in slice order, the algorithm name and version, each model's
 * name and version, and the role of the UID ("sc-series", "sc/1", "seg", ...). A new algorithm or
 * model version therefore gives new UIDs; a re-send of the same exam does not.
 */
public final class ResultUids {
    private final byte[] basis;

    private ResultUids(byte[] basis) {
        this.basis = basis;
    }

    public static ResultUids of(ExamResult r) {
        StringBuilder b = new StringBuilder("mre-results/1\n").append(r.studyUid()).append('\n');
        for (ExamResult.Slice s : r.slices()) {
            b.append(s.image().seriesUid()).append('/').append(s.image().sopInstanceUid()).append('\n');
        }
        b.append(r.algorithm().name()).append(' ').append(r.algorithm().version()).append('\n');
        for (ExamResult.Model m : r.algorithm().models()) {
            b.append(m.name()).append(' ').append(m.version()).append('\n');
        }
        return new ResultUids(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The appliance's Device Observer UID: fixed per manufacturer, model and serial number. */
    public static String deviceUid(ResultOptions.Equipment e) {
        return new ResultUids(("mre-device/1\n" + e.manufacturer() + "\n" + e.model() + "\n" + e.serialNumber())
                .getBytes(StandardCharsets.UTF_8)).uid("device");
    }

    /** The UID for one role, e.g. "seg-series" or "sc/3". */
    public String uid(String role) {
        byte[] h;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(basis);
            h = md.digest(role.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        byte[] u = new byte[16];
        System.arraycopy(h, 0, u, 0, 16);
        u[6] = (byte) ((u[6] & 0x0F) | 0x80);   // version 8
        u[8] = (byte) ((u[8] & 0x3F) | 0x80);   // variant 10
        return "2.25." + new BigInteger(1, u);
    }
}
