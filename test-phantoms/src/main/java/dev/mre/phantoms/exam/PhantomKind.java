// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

/** The three kinds of digital phantom of issue 3. */
public enum PhantomKind {
    /** Calibration block at one stiffness. */
    HOMOGENEOUS,
    /** QA phantom: stiff cylinders in a softer gel. */
    INCLUSIONS,
    /** Abdomen with liver at a fibrosis stage. */
    ANATOMICAL;

    public static PhantomKind parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
