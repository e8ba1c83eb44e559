// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * ICC(A,1): two-way random effects, absolute agreement, single measures (McGraw &amp; Wong 1996,
 * case 2A; Shrout &amp; Fleiss 1979 ICC(2,1)), the agreement statistic the DL-versus-manual
 * comparisons report.
 *
 * <p>From the two-way ANOVA of an n x k table without replication:
 * ICC = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n). The confidence interval is McGraw &amp;
 * Wong's (their Table 7, ICC(A,1)) with Satterthwaite's df v; formulas in docs/statistics.md.
 */
public final class Icc {
    private Icc() {
    }

    /** ICC(A,1) with its 95% confidence interval. */
    public static IccResult agreementSingle(double[][] ratings) {
        return agreementSingle(ratings, 0.95);
    }

    /**
     * ICC(A,1) with a confidence interval at {@code confidenceLevel}.
     *
     * @param ratings [subject][rater], at least 2 x 2, rectangular, finite
     * @throws IllegalArgumentException on a ragged, too small or non-finite table, or one where
     *                                  every value is equal (the ICC is 0/0)
     */
    public static IccResult agreementSingle(double[][] ratings, double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confidenceLevel);
        }
        int n = ratings.length;
        if (n < 2) {
            throw new IllegalArgumentException("ICC needs at least 2 subjects, got " + n);
        }
        int k = ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("ICC needs at least 2 raters, got " + k);
        }
        double[] rowMean = new double[n];
        double[] colMean = new double[k];
        double grand = 0;
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new IllegalArgumentException("subject " + i + " has " + ratings[i].length + " ratings, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                double v = ratings[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("rating [" + i + "][" + j + "] is not finite: " + v);
                }
                rowMean[i] += v / k;
                colMean[j] += v / n;
                grand += v;
            }
        }
        grand /= (double) n * k;
        double ssRows = 0;
        for (double m : rowMean) {
            ssRows += k * (m - grand) * (m - grand);
        }
        double ssCols = 0;
        for (double m : colMean) {
            ssCols += n * (m - grand) * (m - grand);
        }
        double ssError = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double e = ratings[i][j] - rowMean[i] - colMean[j] + grand;
                ssError += e * e;
            }
        }
        double msr = ssRows / (n - 1);
        double msc = ssCols / (k - 1);
        double mse = ssError / ((double) (n - 1) * (k - 1));
        double denominator = msr + (k - 1) * mse + k * (msc - mse) / n;
        if (msr == 0 && msc == 0 && mse == 0) {
            throw new IllegalArgumentException("all ratings are equal: the ICC is undefined (0/0)");
        }
        double icc = (msr - mse) / denominator;
        if (mse == 0 && msc == 0) {
            // Perfect agreement: every rater gave each subject the same value.
            return new IccResult(1, 1, 1, confidenceLevel, n, k, msr, msc, mse);
        }
        double alpha = 1 - confidenceLevel;
        double a = k * icc / (n * (1 - icc));
        double b = 1 + k * icc * (n - 1) / (n * (1 - icc));
        double v = square(a * msc + b * mse)
                / (square(a * msc) / (k - 1) + square(b * mse) / ((double) (n - 1) * (k - 1)));
        double shared = k * msc + ((double) k * n - k - n) * mse;
        double fLow = Distributions.fQuantile(1 - alpha / 2, n - 1, v);
        double fHigh = Distributions.fQuantile(1 - alpha / 2, v, n - 1);
        double lower = n * (msr - fLow * mse) / (fLow * shared + n * msr);
        double upper = n * (fHigh * msr - mse) / (shared + n * fHigh * msr);
        return new IccResult(icc, lower, upper, confidenceLevel, n, k, msr, msc, mse);
    }

    private static double square(double x) {
        return x * x;
    }
}
