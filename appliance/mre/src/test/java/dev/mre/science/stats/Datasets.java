// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random rating tables shaped like liver-stiffness studies: subjects with a
 * true stiffness of 1.5 to 8 kPa, each rater adding a bias, a scale and noise.
 */
final class Datasets {
    private Datasets() {
    }

    /** n x k table; noise is the SD of each rater's error in kPa. */
    static double[][] ratings(long seed, int n, int k, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] bias = new double[k];
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            bias[j] = 0.2 * (random.nextDouble() - 0.5);
            scale[j] = 1 + 0.1 * (random.nextDouble() - 0.5);
        }
        double[][] x = new double[n][k];
        for (int i = 0; i < n; i++) {
            double truth = 1.5 + 6.5 * random.nextDouble() * random.nextDouble();
            for (int j = 0; j < k; j++) {
                x[i][j] = truth * scale[j] + bias[j] + noise * gaussian(random);
            }
        }
        return x;
    }

    static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }

    static double[] flatten(double[][] x) {
        double[] f = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, f, i * x[0].length, x[0].length);
        }
        return f;
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
