// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * Pearson correlation between paired measurements (e.g. automated versus manual liver stiffness),
 * the figure the JMIR 2025 paper reports (r = 0.943).
 *
 * <p>r = sum((x - mean x)(y - mean y)) / sqrt(sum (x - mean x)^2 sum (y - mean y)^2) over centred
 * data; the interval uses Fisher's z = atanh(r) with standard error 1/sqrt(n - 3) and the normal
 * quantile; the p-value uses t = r sqrt((n - 2)/(1 - r^2)) with n - 2 df, computed as
 * I_{1-r^2}((n-2)/2, 1/2). Same definitions as scipy.stats.pearsonr and its confidence_interval().
 */
public final class Correlation {
    private Correlation() {
    }

    /** Pearson r with its 95% interval and p-value. */
    public static PearsonResult pearson(double[] x, double[] y) {
        return pearson(x, y, 0.95);
    }

    /**
     * Pearson r with an interval at {@code confidenceLevel} and the two-sided p-value.
     *
     * @throws IllegalArgumentException when lengths differ, n &lt; 4 (the Fisher interval needs
     *                                  n - 3 &gt; 0), a value is not finite, or either series is
     *                                  constant (r is 0/0)
     */
    public static PearsonResult pearson(double[] x, double[] y, double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confidenceLevel);
        }
        Samples.checkPaired(x, y, 4);
        int n = x.length;
        double mx = Samples.mean(x);
        double my = Samples.mean(y);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0 || syy == 0) {
            throw new IllegalArgumentException("a constant series has no correlation (r is 0/0)");
        }
        double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        double a = Math.abs(r);
        double df = n - 2;
        double p = a == 1 ? 0 : SpecialFunctions.regularizedBeta((1 - a) * (1 + a), df / 2, 0.5);
        double z = Distributions.normalQuantile(0.5 + confidenceLevel / 2);
        double zr = atanh(r);
        double se = 1 / Math.sqrt(n - 3);
        return new PearsonResult(r, Math.tanh(zr - z * se), Math.tanh(zr + z * se), p, n, confidenceLevel);
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
