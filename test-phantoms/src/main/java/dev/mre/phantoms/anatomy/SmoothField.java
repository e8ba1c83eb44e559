// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

import java.util.SplittableRandom;

/**
 * A smooth random field of zero mean and unit standard deviation (in expectation), made of random
 * plane-wave modes with wavelengths between 20 and 80 mm: the spatial heterogeneity of diseased
 * liver, patchy on the scale of centimetres. Deterministic for a given random source.
 */
final class SmoothField {
    private SmoothField() {
    }

    static double[] sample(int nx, int ny, double pixelMm, SplittableRandom rnd) {
        int modes = 24;
        double[] kx = new double[modes];
        double[] ky = new double[modes];
        double[] ph = new double[modes];
        for (int i = 0; i < modes; i++) {
            double lambda = 20 + 60 * rnd.nextDouble();
            double dir = 2 * Math.PI * rnd.nextDouble();
            kx[i] = 2 * Math.PI / lambda * Math.cos(dir);
            ky[i] = 2 * Math.PI / lambda * Math.sin(dir);
            ph[i] = 2 * Math.PI * rnd.nextDouble();
        }
        double norm = Math.sqrt(2.0 / modes);
        double[] f = new double[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double s = 0;
                for (int i = 0; i < modes; i++) {
                    s += Math.cos(kx[i] * x * pixelMm + ky[i] * y * pixelMm + ph[i]);
                }
                f[y * nx + x] = s * norm;
            }
        }
        return f;
    }
}
