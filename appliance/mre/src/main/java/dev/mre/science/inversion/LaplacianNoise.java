// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.science.InversionConfig;
import dev.mre.science.wave.Butterworth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How white noise in the wave image reaches the statistics the inversions are built from, once it
 * has gone through the band-pass and the 3-point Laplacian.
 *
 * <p>Exists for the noise-bias correction ({@link InversionConfig#noiseBiasCorrection()}). The chain
 * from the first harmonic to the Laplacian is linear: U_f = F U (Butterworth gains h(p, q) on the
 * DCT-II coefficients) and L = Lap U_f. The DCT diagonalises both: the 3-point Laplacian with mirror
 * boundaries has the eigenvalue lambda(p, q) = -(2 - 2 cos(pi p / rows)) / dy^2
 * - (2 - 2 cos(pi q / cols)) / dx^2 on coefficient (p, q). For white complex noise n of variance
 * s^2 per pixel, away from the image edges (where the filter's mirror images do not reach):
 * <pre>
 *   E|n_f|^2            = s^2 mean(h^2)
 *   E[conj(n_f) L n_f]  = s^2 mean(h^2 lambda)      (real, negative)
 *   E|L n_f|^2          = s^2 mean(h^2 lambda^2)
 * </pre>
 * means over all DCT coefficients. The measured noise power of the filtered wave
 * ({@link dev.mre.science.WaveField#noisePower()}) is E|n_f|^2 itself, so only the ratios are
 * needed: {@code ul} = mean(h^2 lambda) / mean(h^2) (1/m^2) and {@code ll} = mean(h^2 lambda^2) /
 * mean(h^2) (1/m^4). With directional components the gains are power-complementary, so the sums
 * over components have the same expectations.
 *
 * @param ul E[conj(n_f) L n_f] / E|n_f|^2, 1/m^2 (negative)
 * @param ll E|L n_f|^2 / E|n_f|^2, 1/m^4
 */
public record LaplacianNoise(double ul, double ll) {
    private static final int MAX_CACHED = 16;
    private static final Map<Key, LaplacianNoise> CACHE = new ConcurrentHashMap<>();

    private record Key(int rows, int cols, double dy, double dx, InversionConfig c) {
    }

    /**
     * Variance of the window sum of L n_f over a (2r+1)^2 window, per unit noise power:
     * mean(h^2 lambda^2 |B_r|^2) / mean(h^2), B_r the box's transfer function
     * (sin((2r+1) theta/2) / sin(theta/2) per axis, theta = pi p / rows).
     */
    public static double windowSumVariance(int rows, int cols, double dy, double dx, InversionConfig c, int r) {
        double[] h = Butterworth.dctGainsShared(rows, cols, dy, dx, c);
        double[] ly = new double[rows];
        double[] by = new double[rows];
        for (int p = 0; p < rows; p++) {
            double t = Math.PI * p / rows;
            ly[p] = -(2 - 2 * Math.cos(t)) / (dy * dy);
            by[p] = box(t, r);
        }
        double[] lx = new double[cols];
        double[] bx = new double[cols];
        for (int q = 0; q < cols; q++) {
            double t = Math.PI * q / cols;
            lx[q] = -(2 - 2 * Math.cos(t)) / (dx * dx);
            bx[q] = box(t, r);
        }
        double s0 = 0;
        double s = 0;
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                double g2 = h[p * cols + q] * h[p * cols + q];
                double lam = ly[p] + lx[q];
                double b = by[p] * bx[q];
                s0 += g2;
                s += g2 * lam * lam * b * b;
            }
        }
        return s0 == 0 ? 0 : s / s0;
    }

    /** sum_{j=-r..r} cos(j t) = transfer function of a 2r+1 box at angular frequency t. */
    private static double box(double t, int r) {
        double b = 1;
        for (int j = 1; j <= r; j++) {
            b += 2 * Math.cos(j * t);
        }
        return b;
    }

    /** The constants for a rows x cols image with spacings dy, dx (m), band-pass of {@code c}. */
    public static LaplacianNoise of(int rows, int cols, double dy, double dx, InversionConfig c) {
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(new Key(rows, cols, dy, dx, c), k -> compute(rows, cols, dy, dx, c));
    }

    private static LaplacianNoise compute(int rows, int cols, double dy, double dx, InversionConfig c) {
        double[] h = Butterworth.dctGainsShared(rows, cols, dy, dx, c);
        double[] ly = new double[rows];
        for (int p = 0; p < rows; p++) {
            ly[p] = -(2 - 2 * Math.cos(Math.PI * p / rows)) / (dy * dy);
        }
        double[] lx = new double[cols];
        for (int q = 0; q < cols; q++) {
            lx[q] = -(2 - 2 * Math.cos(Math.PI * q / cols)) / (dx * dx);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < cols; q++) {
                double g2 = h[p * cols + q] * h[p * cols + q];
                double lam = ly[p] + lx[q];
                s0 += g2;
                s1 += g2 * lam;
                s2 += g2 * lam * lam;
            }
        }
        if (s0 == 0) {
            return new LaplacianNoise(0, 0);
        }
        return new LaplacianNoise(s1 / s0, s2 / s0);
    }
}
