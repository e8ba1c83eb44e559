// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

/**
 * The source arrays of one MRE slice, as plain arrays (no DICOM types): row-major images of
 * {@code rows x cols} pixels.
 *
 * @param magnitude     [offsets or 1][pixels], scanner units after rescale
 * @param phaseRad      [offsets][pixels], phase in radians (wrapped or not: only cos/sin are used)
 * @param elastogramKpa [pixels] vendor elastogram in kPa, confidence-masked (0 outside); null when
 *                      the exam has none
 * @param rows          image rows
 * @param cols          image columns
 */
public record SliceInput(float[][] magnitude, float[][] phaseRad, float[] elastogramKpa, int rows, int cols) {

    public SliceInput {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("slice size must be positive, got " + rows + "x" + cols);
        }
        int n = rows * cols;
        if (magnitude == null || magnitude.length == 0 || phaseRad == null) {
            throw new IllegalArgumentException("a slice needs at least one magnitude image and its phase images");
        }
        check(magnitude, n, "magnitude");
        check(phaseRad, n, "phase");
        if (elastogramKpa != null && elastogramKpa.length != n) {
            throw new IllegalArgumentException("elastogram has " + elastogramKpa.length + " pixels, expected " + n);
        }
    }

    private static void check(float[][] images, int n, String what) {
        for (int o = 0; o < images.length; o++) {
            if (images[o] == null || images[o].length != n) {
                throw new IllegalArgumentException(what + " image " + o + " has "
                        + (images[o] == null ? "no" : images[o].length) + " pixels, expected " + n);
            }
        }
    }
}
