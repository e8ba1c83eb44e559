// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.grid;

/**
 * The 3-point-per-axis (5-point) Laplacian with physical pixel spacing.
 *
 * <p>Exists as the one place the inversions take second derivatives. The 3-point stencil
 * over-estimates G by about (kh)^2/12 per axis, a quarter of the bias of applying a central
 * gradient twice ((kh)^2/3). Border pixels, where the stencil does not fit, are set to NaN.
 */
public final class Laplacian {
    private Laplacian() {
    }

    /** Laplacian of a row-major field with row spacing dy and column spacing dx (metres). */
    public static double[] threePoint(double[] u, int rows, int cols, double dy, double dx) {
        double[] out = new double[u.length];
        double ix2 = 1 / (dx * dx);
        double iy2 = 1 / (dy * dy);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int i = y * cols + x;
                if (y == 0 || x == 0 || y == rows - 1 || x == cols - 1) {
                    out[i] = Double.NaN;
                } else {
                    out[i] = (u[i - 1] - 2 * u[i] + u[i + 1]) * ix2 + (u[i - cols] - 2 * u[i] + u[i + cols]) * iy2;
                }
            }
        }
        return out;
    }
}
