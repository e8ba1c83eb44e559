// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/**
 * Per-pixel confidence in [0, 1] that the local wave is a reliable basis for inversion, and the
 * mask of pixels at or above the mask threshold (95% by default).
 *
 * <p>Exists so measurements are taken only where the wave model fits the data; the definition is
 * in {@code dev.mre.science.confidence.ConfidenceEstimation} and docs/inversion.md.
 *
 * @param rows       image rows
 * @param cols       image columns
 * @param confidence values in [0, 1], row-major
 * @param mask       true where confidence >= threshold
 * @param threshold  the mask threshold used
 */
public record ConfidenceMap(int rows, int cols, float[] confidence, boolean[] mask, double threshold) {

    public ConfidenceMap {
        if (confidence.length != rows * cols || mask.length != rows * cols) {
            throw new IllegalArgumentException("confidence arrays must hold " + rows + "x" + cols + " pixels");
        }
    }

    /** Number of pixels in the mask. */
    public int maskedPixels() {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
