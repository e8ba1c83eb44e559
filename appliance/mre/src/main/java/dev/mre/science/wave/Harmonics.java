// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.wave;

/**
 * Temporal Fourier bins over the phase offsets of one wave period.
 *
 * <p>Exists to turn N phase images into complex harmonic images. Bin k is
 * B_k = (2/N) sum_n x_n e^{-2 pi i k n / N}, so for x_n = A cos(2 pi n / N + p) bin 1 is A e^{i p}:
 * displacement u(t) = Re(B_1 e^{+i w t}), the convention every inversion here assumes. For
 * uncorrelated noise of variance s^2 in each image, E|B_k|^2 = 4 s^2 / N for every k != 0, so a
 * bin the motion does not excite (k = 2 for a sinusoidal drive) measures the noise in bin 1.
 */
public final class Harmonics {
    private Harmonics() {
    }

    /** Bin k of images x[n][pixel]: {re, im}. */
    public static double[][] bin(double[][] x, int k) {
        int n = x.length;
        int pixels = x[0].length;
        double[] re = new double[pixels];
        double[] im = new double[pixels];
        for (int t = 0; t < n; t++) {
            double a = -2 * Math.PI * k * t / n;
            double c = 2.0 / n * Math.cos(a);
            double s = 2.0 / n * Math.sin(a);
            double[] xt = x[t];
            for (int i = 0; i < pixels; i++) {
                re[i] += c * xt[i];
                im[i] += s * xt[i];
            }
        }
        return new double[][] {re, im};
    }
}
