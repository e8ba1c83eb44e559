// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One file of the input folder with its role, and the header values the exam assembly needs.
 * Exists so grouping and checks read named values rather than tags; pixels are decoded later
 * ({@link Pixels}) and only for images that are used.
 *
 * @param file      the file, for messages
 * @param name      the file relative to the input folder, for messages
 * @param data      the data set (null if unreadable)
 * @param decision  role and reason
 */
record SourceImage(Path file, String name, Attributes data, ImageClassifier.Decision decision) {

    ImageRole role() {
        return decision.role();
    }

    String seriesUid() {
        return data == null ? "(unreadable)" : data.getString(Tag.SeriesInstanceUID, "(no series UID)");
    }

    /** "#2 'MRE_60Hz_phase'", how messages name a series (never patient data). */
    String seriesLabel() {
        if (data == null) {
            return "(files that are not DICOM)";
        }
        return "#" + data.getString(Tag.SeriesNumber, "?") + " '" + data.getString(Tag.SeriesDescription, "") + "'";
    }

    int instance() {
        return data.getInt(Tag.InstanceNumber, Integer.MAX_VALUE);
    }

    /** TriggerTime in ms, NaN when absent. */
    double triggerMs() {
        return data.getDouble(Tag.TriggerTime, Double.NaN);
    }

    /** PixelSpacing (row, column) in mm, or null when absent or malformed. */
    double[] pixelSpacingMm() {
        String[] s = data.getStrings(Tag.PixelSpacing);
        if (s == null || s.length != 2) {
            return null;
        }
        try {
            return new double[] {Double.parseDouble(s[0]), Double.parseDouble(s[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Position along the slice normal (mm) from ImagePositionPatient and ImageOrientationPatient,
     * else SliceLocation; NaN when neither is present. */
    double locationMm() {
        try {
            return location();
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private double location() {
        String[] p = data.getStrings(Tag.ImagePositionPatient);
        String[] o = data.getStrings(Tag.ImageOrientationPatient);
        if (p != null && p.length == 3 && o != null && o.length == 6) {
            double[] r = {Double.parseDouble(o[0]), Double.parseDouble(o[1]), Double.parseDouble(o[2])};
            double[] c = {Double.parseDouble(o[3]), Double.parseDouble(o[4]), Double.parseDouble(o[5])};
            double[] n = {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
            return Double.parseDouble(p[0]) * n[0] + Double.parseDouble(p[1]) * n[1] + Double.parseDouble(p[2]) * n[2];
        }
        return data.getDouble(Tag.SliceLocation, Double.NaN);
    }

    /** ImageOrientationPatient rounded to 1e-4, for comparison; "" when absent. */
    String orientation() {
        String[] o = data.getStrings(Tag.ImageOrientationPatient);
        if (o == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String v : o) {
            try {
                b.append(String.format(Locale.ROOT, "%.4f\\", Double.parseDouble(v)));
            } catch (NumberFormatException e) {
                b.append(v).append('\\');
            }
        }
        return b.toString();
    }
}
