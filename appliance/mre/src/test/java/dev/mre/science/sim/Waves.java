// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.sim;

/**
 * Test helper: analytic first-harmonic wave fields (radians of phase) under the e^{+i w t}
 * convention, for media of complex shear modulus G' + i G'' and density 1000 kg/m3.
 * Fields are {re, im} arrays, row-major; x runs along columns, y along rows, spacing h.
 */
public final class Waves {
    public static final double RHO = 1000;

    private Waves() {
    }

    /** Complex wavenumber {re, im} (rad/m), k = w sqrt(rho / G*), Im k <= 0 for G'' >= 0. */
    public static double[] wavenumber(double freq, double gPrime, double gLoss) {
        double w = 2 * Math.PI * freq;
        // 1 / G*
        double m2 = gPrime * gPrime + gLoss * gLoss;
        double ir = gPrime / m2;
        double ii = -gLoss / m2;
        double mod = Math.sqrt(Math.hypot(ir, ii));
        double ang = 0.5 * Math.atan2(ii, ir);
        double s = w * Math.sqrt(RHO);
        return new double[] {s * mod * Math.cos(ang), s * mod * Math.sin(ang)};
    }

    /** Sum of plane waves A exp(-i k (x cos t + y sin t) + i p) over the given directions (radians). */
    public static double[][] planeWaves(int rows, int cols, double h, double freq, double gPrime, double gLoss,
                                        double amplitude, double[] angles, double[] phases) {
        double[] k = wavenumber(freq, gPrime, gLoss);
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int j = 0; j < angles.length; j++) {
            double c = Math.cos(angles[j]);
            double s = Math.sin(angles[j]);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    double d = (x * c + y * s) * h;
                    // exp(-i (kr + i ki) d + i p) = exp(ki d) exp(i (p - kr d))
                    double a = amplitude * Math.exp(k[1] * d);
                    double ph = phases[j] - k[0] * d;
                    re[y * cols + x] += a * Math.cos(ph);
                    im[y * cols + x] += a * Math.sin(ph);
                }
            }
        }
        return new double[][] {re, im};
    }

    /** Outgoing cylindrical wave A H0^(2)(k r) from a source at pixel coordinates (x0, y0). */
    public static double[][] cylindrical(int rows, int cols, double h, double freq, double gPrime, double gLoss,
                                         double amplitude, double x0, double y0) {
        double[] k = wavenumber(freq, gPrime, gLoss);
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                double r = Math.hypot(x - x0, y - y0) * h;
                double[] v = Hankel2.h0(k[0] * r, k[1] * r);
                re[y * cols + x] = amplitude * v[0];
                im[y * cols + x] = amplitude * v[1];
            }
        }
        return new double[][] {re, im};
    }
}
