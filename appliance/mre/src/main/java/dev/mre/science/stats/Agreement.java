// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * Agreement between a method under test and a reference on paired values: Bland-Altman (Bland
 * &amp; Altman 1986) and the mean absolute percent deviation (MAPD).
 *
 * <p>Differences are always test minus reference (a - b), so a positive bias means the test reads
 * high. Limits of agreement use 1.96, Bland and Altman's constant, not the exact normal quantile
 * 1.959964.
 */
public final class Agreement {
    /** Multiplier of the SD for the 95% limits of agreement. */
    public static final double LIMITS_Z = 1.96;

    private Agreement() {
    }

    /** Bland-Altman on plain differences a - b (same unit as the data). Needs n &gt;= 2. */
    public static BlandAltmanResult blandAltman(double[] a, double[] b) {
        Samples.checkPaired(a, b, 2);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return of(d, false);
    }

    /**
     * Bland-Altman on percent differences 100 (a - b) / ((a + b) / 2).
     *
     * @throws IllegalArgumentException when a pair has a zero mean
     */
    public static BlandAltmanResult blandAltmanPercent(double[] a, double[] b) {
        Samples.checkPaired(a, b, 2);
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            double mean = (a[i] + b[i]) / 2;
            if (mean == 0) {
                throw new IllegalArgumentException("pair " + i + " has mean 0: percent difference undefined");
            }
            d[i] = 100 * (a[i] - b[i]) / mean;
        }
        return of(d, true);
    }

    /**
     * Mean absolute percent deviation of {@code test} from {@code reference}:
     * 100 / n * sum |test - reference| / |reference|.
     *
     * @throws IllegalArgumentException when a reference value is 0
     */
    public static double meanAbsolutePercentDeviation(double[] test, double[] reference) {
        Samples.checkPaired(test, reference, 1);
        double s = 0;
        for (int i = 0; i < test.length; i++) {
            if (reference[i] == 0) {
                throw new IllegalArgumentException("reference value " + i + " is 0: percent deviation undefined");
            }
            s += Math.abs(test[i] - reference[i]) / Math.abs(reference[i]);
        }
        return 100 * s / test.length;
    }

    private static BlandAltmanResult of(double[] d, boolean percent) {
        double bias = Samples.mean(d);
        double sd = Samples.standardDeviation(d);
        return new BlandAltmanResult(d.length, bias, sd, bias - LIMITS_Z * sd, bias + LIMITS_Z * sd, percent);
    }
}
