// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/** Input checks and sums shared by the paired statistics. */
final class Samples {
    private Samples() {
    }

    static void checkPaired(double[] a, double[] b, int minimum) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
        }
        if (a.length < minimum) {
            throw new IllegalArgumentException("need at least " + minimum + " pairs, got " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("pair " + i + " is not finite: " + a[i] + ", " + b[i]);
            }
        }
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample standard deviation (n - 1 denominator), two-pass. */
    static double standardDeviation(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
