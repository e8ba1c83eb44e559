// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

import java.util.List;

/**
 * The input of the physics path: every slice of one exam with the geometry and motion settings
 * the inversion needs.
 *
 * <p>Exists as the single contract between DICOM adapters (server module) and the science. All
 * slices share one matrix and one number of phase offsets.
 *
 * @param rows          image rows
 * @param cols          image columns
 * @param rowSpacingM   distance between adjacent rows (DICOM PixelSpacing[0]), metres
 * @param colSpacingM   distance between adjacent columns (DICOM PixelSpacing[1]), metres
 * @param frequencyHz   mechanical driver frequency, Hz
 * @param phaseScaling  stored phase units to radians
 * @param slices        the slices
 */
public record MreExam(int rows, int cols, double rowSpacingM, double colSpacingM, double frequencyHz,
                      PhaseScaling phaseScaling, List<MreSlice> slices) {

    public MreExam {
        if (rows < 3 || cols < 3) {
            throw new IllegalArgumentException("matrix too small for a Laplacian: " + rows + "x" + cols);
        }
        if (!(rowSpacingM > 0) || !(colSpacingM > 0) || rowSpacingM > 0.1 || colSpacingM > 0.1) {
            throw new IllegalArgumentException("pixel spacing must be in metres, in (0, 0.1]: "
                    + rowSpacingM + ", " + colSpacingM);
        }
        if (!(frequencyHz > 0)) {
            throw new IllegalArgumentException("driver frequency must be positive: " + frequencyHz);
        }
        if (phaseScaling == null || slices == null || slices.isEmpty()) {
            throw new IllegalArgumentException("phase scaling and at least one slice are required");
        }
        slices = List.copyOf(slices);
        int offsets = slices.get(0).offsets();
        for (MreSlice s : slices) {
            if (s.phase()[0].length != rows * cols) {
                throw new IllegalArgumentException("slice " + s.index() + ": " + s.phase()[0].length
                        + " pixels, expected " + rows + "x" + cols);
            }
            if (s.offsets() != offsets) {
                throw new IllegalArgumentException("slice " + s.index() + ": " + s.offsets()
                        + " phase offsets, expected " + offsets);
            }
        }
    }

    /** Angular driver frequency, rad/s. */
    public double omega() {
        return 2 * Math.PI * frequencyHz;
    }
}
