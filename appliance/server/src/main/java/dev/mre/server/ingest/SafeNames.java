// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns UIDs from the wire into path components that cannot leave the spool (AE titles are never
 * used in paths at all).
 * A peer controls these strings: {@code "../../etc"} or {@code "A/B"} are possible on the wire.
 * A well-formed UID is used as it is (readable spool); anything else becomes the hex SHA-256 of
 * its bytes, which is stable (a re-sent object lands on the same file) and never contains a
 * separator.
 */
public final class SafeNames {
    private SafeNames() {
    }

    /** A UID as a file name: itself when it is a valid UID (digits and dots, at most 64), else a digest. */
    public static String uid(String uid) {
        if (uid != null && uid.length() <= 64 && isDigitsAndDots(uid)) {
            return uid;
        }
        return digest(uid);
    }

    /**
     * {@code ^[0-9]+(\.[0-9]+)*$} without a regex: called three times per received object, where a
     * {@code Matcher} costs an allocation and a megamorphic walk over the pattern's nodes.
     */
    static boolean isDigitsAndDots(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        boolean digitBefore = false;       // the previous character was a digit
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digitBefore = true;
            } else if (c == '.' && digitBefore) {
                digitBefore = false;
            } else {
                return false;
            }
        }
        return digitBefore;
    }

    /** The hex SHA-256 of the string's UTF-8 bytes. */
    public static String digest(String raw) {
        try {
            byte[] bytes = (raw == null ? "" : raw).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
