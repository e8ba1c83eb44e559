// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.fft;

/**
 * In-place 2D complex FFT of row-major images over separate real and imaginary arrays.
 *
 * <p>Exists for k-space operations that need the full complex spectrum, i.e. that distinguish
 * +k from -k (directional filters); the real, mirror-symmetric filters use {@link Dct}. Same sign
 * and scaling conventions as {@link Fft}: forward e^{-i...} unscaled, inverse scaled by
 * 1/(rows cols).
 */
public final class Fft2d {
    private Fft2d() {
    }

    /** Forward 2D transform in place. */
    public static void forward(double[] re, double[] im, int rows, int cols) {
        apply(re, im, rows, cols, true);
    }

    /** Inverse 2D transform in place (inverse(forward(x)) = x). */
    public static void inverse(double[] re, double[] im, int rows, int cols) {
        apply(re, im, rows, cols, false);
    }

    private static void apply(double[] re, double[] im, int rows, int cols, boolean forward) {
        if (re.length != rows * cols || im.length != rows * cols) {
            throw new IllegalArgumentException("arrays must hold " + rows + "x" + cols + " values");
        }
        Fft fr = Fft.of(cols);
        double[] lr = new double[cols];
        double[] li = new double[cols];
        for (int y = 0; y < rows; y++) {
            int o = y * cols;
            System.arraycopy(re, o, lr, 0, cols);
            System.arraycopy(im, o, li, 0, cols);
            if (forward) {
                fr.forward(lr, li);
            } else {
                fr.inverse(lr, li);
            }
            System.arraycopy(lr, 0, re, o, cols);
            System.arraycopy(li, 0, im, o, cols);
        }
        Fft fc = Fft.of(rows);
        double[] cr = new double[rows];
        double[] ci = new double[rows];
        for (int x = 0; x < cols; x++) {
            for (int y = 0; y < rows; y++) {
                cr[y] = re[y * cols + x];
                ci[y] = im[y * cols + x];
            }
            if (forward) {
                fc.forward(cr, ci);
            } else {
                fc.inverse(cr, ci);
            }
            for (int y = 0; y < rows; y++) {
                re[y * cols + x] = cr[y];
                im[y * cols + x] = ci[y];
            }
        }
    }
}
