// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman &amp; Fan type 7,
 * numpy.quantile's default 'linear', R's default): for sorted x[0..n-1] and probability p,
 * h = (n - 1) p and Q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
final class Quantiles {
    private Quantiles() {
    }

    /** Quantile p in [0, 1] of an ascending array of n &gt;= 1 values. */
    static double sorted(float[] x, int n, double p) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return x[n - 1];
        }
        return x[lo] + (h - lo) * ((double) x[lo + 1] - x[lo]);
    }
}
