// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * The pixel grid of one slice: its size and the physical spacing of its pixels.
 *
 * <p>Exists so masks and maps are always interpreted with the spacing that turns pixel counts into
 * areas and the edge margin in millimetres into pixels. Arrays on this grid are row-major.
 *
 * @param rows          image rows
 * @param cols          image columns
 * @param rowSpacingMm  distance between the centres of adjacent rows, mm (DICOM PixelSpacing[0])
 * @param colSpacingMm  distance between the centres of adjacent columns, mm (PixelSpacing[1])
 */
public record PixelGrid(int rows, int cols, double rowSpacingMm, double colSpacingMm) {

    public PixelGrid {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("grid must have at least 1x1 pixels, got " + rows + "x" + cols);
        }
        if (!(rowSpacingMm > 0) || !(colSpacingMm > 0) || Double.isInfinite(rowSpacingMm) || Double.isInfinite(colSpacingMm)) {
            throw new IllegalArgumentException("pixel spacing must be finite and > 0 mm, got " + rowSpacingMm + " x " + colSpacingMm);
        }
    }

    /** A grid from spacings in metres, as {@code dev.mre.science.MreExam} holds them. */
    public static PixelGrid ofMetres(int rows, int cols, double rowSpacingM, double colSpacingM) {
        return new PixelGrid(rows, cols, rowSpacingM * 1000, colSpacingM * 1000);
    }

    /** Number of pixels, rows x cols. */
    public int size() {
        return rows * cols;
    }

    /** Area of one pixel in cm^2. */
    public double pixelAreaCm2() {
        return rowSpacingMm * colSpacingMm / 100;
    }

    /** Throws unless {@code length} is the number of pixels of this grid. */
    void checkLength(int length, String what) {
        if (length != size()) {
            throw new IllegalArgumentException(what + " has " + length + " pixels, the grid " + rows + "x" + cols + " has " + size());
        }
    }
}
