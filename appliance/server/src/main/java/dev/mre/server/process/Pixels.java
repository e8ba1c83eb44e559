// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes the native (uncompressed, little-endian) Pixel Data of a monochrome image into floats:
 * stored values (BitsStored, PixelRepresentation) times RescaleSlope plus RescaleIntercept, and,
 * for phase, radians. Exists so the vendor phase convention is applied in one place and stated in
 * the summary ({@link #phaseRule}).
 */
final class Pixels {
    private Pixels() {
    }

    /** Rescaled values (slope and intercept applied), row-major. */
    static float[] rescaled(SourceImage img, int rows, int cols) throws ExamException {
        Attributes a = img.data();
        byte[] b = a.getBytes(Tag.PixelData);
        if (b == null) {
            throw ExamException.unusable(img.name() + " (series " + img.seriesLabel() + "): no native Pixel Data"
                    + (a.getFragments(Tag.PixelData) != null ? " (compressed; export uncompressed DICOM)" : ""));
        }
        int allocated = a.getInt(Tag.BitsAllocated, 16);
        int stored = a.getInt(Tag.BitsStored, allocated);
        boolean signed = a.getInt(Tag.PixelRepresentation, 0) == 1;
        int n = rows * cols;
        if ((allocated != 8 && allocated != 16) || stored < 1 || stored > allocated || b.length < n * (allocated / 8)) {
            throw ExamException.unusable(img.name() + " (series " + img.seriesLabel() + "): " + allocated
                    + "-bit pixels (" + stored + " stored), " + b.length + " bytes for " + rows + "x" + cols
                    + "; expected 8 or 16 bits allocated, at most that many stored");
        }
        double slope = a.getDouble(Tag.RescaleSlope, 1);
        double intercept = a.getDouble(Tag.RescaleIntercept, 0);
        int mask = (1 << stored) - 1;
        int sign = 1 << (stored - 1);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int v = allocated == 16 ? (b[2 * i] & 0xff | (b[2 * i + 1] & 0xff) << 8) : b[i] & 0xff;
            v &= mask;
            if (signed && (v & sign) != 0) {
                v -= 1 << stored;
            }
            out[i] = (float) (v * slope + intercept);
        }
        return out;
    }

    /**
     * Radians per rescaled unit of a phase image: 1 when RescaleType names radians (GE-like:
     * milliradians with slope 0.001, type RAD); otherwise the stored range of BitsStored bits is one
     * full turn, 2 pi / (2^BitsStored x |slope|) (Siemens-like: 12 bits, slope 2, intercept -4096,
     * value x pi / 4096; Philips' pixel x pi / 2048 is the same rule with slope 1).
     */
    static double radiansPerUnit(Attributes a, Set<String> radianTypes) {
        if (radianTypes.contains(a.getString(Tag.RescaleType, "").toUpperCase(Locale.ROOT))) {
            return 1;
        }
        int stored = a.getInt(Tag.BitsStored, a.getInt(Tag.BitsAllocated, 16));
        return 2 * Math.PI / ((1 << stored) * Math.abs(a.getDouble(Tag.RescaleSlope, 1)));
    }

    /** The phase rule in words, for the summary. */
    static String phaseRule(Attributes a, Set<String> radianTypes) {
        if (radianTypes.contains(a.getString(Tag.RescaleType, "").toUpperCase(Locale.ROOT))) {
            return "RescaleType " + a.getString(Tag.RescaleType) + ": rescaled values are radians";
        }
        int stored = a.getInt(Tag.BitsStored, a.getInt(Tag.BitsAllocated, 16));
        double slope = Math.abs(a.getDouble(Tag.RescaleSlope, 1));
        return String.format(Locale.ROOT, "stored range is one turn: %d bits x slope %s = %s rescaled units per 2 pi",
                stored, trim(slope), trim((1 << stored) * slope));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Phase image in radians (not wrapped). */
    static float[] phaseRadians(SourceImage img, int rows, int cols, Set<String> radianTypes) throws ExamException {
        float[] v = rescaled(img, rows, cols);
        double k = radiansPerUnit(img.data(), radianTypes);
        if (k != 1) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] * k);
            }
        }
        return v;
    }
}
