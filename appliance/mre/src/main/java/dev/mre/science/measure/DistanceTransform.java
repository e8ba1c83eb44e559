// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * Exact Euclidean distance transform with anisotropic spacing (Felzenszwalb &amp; Huttenlocher,
 * "Distance transforms of sampled functions", 2012): for every pixel, the squared distance between
 * its centre and the centre of the nearest target pixel. Pixels beyond the image border count as
 * targets when {@code borderIsTarget}, so an object touching the border is eroded from it too.
 */
final class DistanceTransform {
    private static final double FAR = 1e30;

    private DistanceTransform() {
    }

    /** Squared distances (in the unit of the spacings, squared) to the nearest target pixel. */
    static double[] squared(boolean[] target, int rows, int cols, double rowSpacing, double colSpacing, boolean borderIsTarget) {
        int pad = borderIsTarget ? 1 : 0;
        int r = rows + 2 * pad;
        int c = cols + 2 * pad;
        double[] d = new double[r * c];
        for (int y = 0; y < r; y++) {
            for (int x = 0; x < c; x++) {
                int iy = y - pad;
                int ix = x - pad;
                boolean inside = iy >= 0 && iy < rows && ix >= 0 && ix < cols;
                d[y * c + x] = inside ? (target[iy * cols + ix] ? 0 : FAR) : 0;
            }
        }
        int n = Math.max(r, c);
        double[] f = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int x = 0; x < c; x++) {
            for (int y = 0; y < r; y++) {
                f[y] = d[y * c + x];
            }
            lowerEnvelope(f, r, rowSpacing * rowSpacing, out, v, z);
            for (int y = 0; y < r; y++) {
                d[y * c + x] = out[y];
            }
        }
        for (int y = 0; y < r; y++) {
            System.arraycopy(d, y * c, f, 0, c);
            lowerEnvelope(f, c, colSpacing * colSpacing, out, v, z);
            System.arraycopy(out, 0, d, y * c, c);
        }
        double[] result = new double[rows * cols];
        for (int y = 0; y < rows; y++) {
            System.arraycopy(d, (y + pad) * c + pad, result, y * cols, cols);
        }
        return result;
    }

    /** out[p] = min_q f[q] + w2 (p - q)^2 over q in [0, n), by the lower envelope of parabolas. */
    private static void lowerEnvelope(double[] f, int n, double w2, double[] out, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, w2, v[k], q);
            while (s <= z[k]) {
                // z[0] is -infinity, so k never goes below 0.
                k--;
                s = intersection(f, w2, v[k], q);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            out[q] = w2 * dq * dq + f[v[k]];
        }
    }

    /** Abscissa where the parabolas rooted at p and q (p &lt; q) intersect. */
    private static double intersection(double[] f, double w2, int p, int q) {
        return ((f[q] + w2 * (double) q * q) - (f[p] + w2 * (double) p * p)) / (2 * w2 * (q - p));
    }
}
