// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.wave;

import dev.mre.science.InversionConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Radial Butterworth band-pass gains for DCT-domain filtering.
 *
 * <p>Exists to separate shear waves from noise (high spatial frequencies) and from bulk motion and
 * compressional waves (low ones). Gain(f) = 1/sqrt(1 + (f/f_lp)^(2 n_lp)) * 1/sqrt(1 + (f_hp/f)^(2 n_hp)),
 * f the radial spatial frequency in 1/m; zero at f = 0 when f_hp > 0. A filter that depends on |f|
 * only multiplies a plane wave by a constant, so it cannot bias a wavelength; it only reweights
 * mixtures.
 */
public final class Butterworth {
    private static final int MAX_CACHED = 16;
    private Butterworth() {
    }

    /** Gain at radial spatial frequency f (1/m). */
    public static double gain(double f, InversionConfig c) {
        double lp = 1 / Math.sqrt(1 + pow(f / c.lowPassCutoffPerM(), 2 * c.lowPassOrder()));
        if (c.highPassCutoffPerM() <= 0) {
            return lp;
        }
        if (f == 0) {
            return 0;
        }
        return lp / Math.sqrt(1 + pow(c.highPassCutoffPerM() / f, 2 * c.highPassOrder()));
    }

    private static double pow(double x, int n) {
        double r = 1;
        for (int i = 0; i < n; i++) {
            r *= x;
        }
        return r;
    }

    /**
     * Gains for every DCT-II coefficient (p, q) of a rows x cols image with spacings dy, dx (m):
     * f = sqrt((p / (2 rows dy))^2 + (q / (2 cols dx))^2).
     */
    public static double[] dctGains(int rows, int cols, double dy, double dx, InversionConfig c) {
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(new Key(rows, cols, dy, dx, c), k -> compute(rows, cols, dy, dx, c)).clone();
    }

    /** As {@link #dctGains}, the shared cached array itself (do not modify): saves a copy per slice. */
    public static double[] dctGainsShared(int rows, int cols, double dy, double dx, InversionConfig c) {
        if (CACHE.size() > MAX_CACHED) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(new Key(rows, cols, dy, dx, c), k -> compute(rows, cols, dy, dx, c));
    }

    /** Gains are the same for every slice of an exam: computed once per geometry and config. */
    private record Key(int rows, int cols, double dy, double dx, InversionConfig c) {
    }

    private static final Map<Key, double[]> CACHE = new ConcurrentHashMap<>();

    private static double[] compute(int rows, int cols, double dy, double dx, InversionConfig c) {
        double[] g = new double[rows * cols];
        for (int p = 0; p < rows; p++) {
            double fy = p / (2.0 * rows * dy);
            for (int q = 0; q < cols; q++) {
                double fx = q / (2.0 * cols * dx);
                g[p * cols + q] = gain(Math.sqrt(fx * fx + fy * fy), c);
            }
        }
        return g;
    }
}
