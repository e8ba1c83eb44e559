// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phase;

/**
 * Phase wrapping and wrap-free derivatives.
 *
 * <p>Exists because MR phase is only known modulo 2 pi: differences of neighbouring pixels,
 * re-wrapped into (-pi, pi], equal the true differences wherever the true phase changes by less
 * than pi per pixel, whatever the number of wraps in the image.
 */
public final class Wrap {
    private static final double TWO_PI = 2 * Math.PI;

    private Wrap() {
    }

    /** x wrapped into [-pi, pi] (the nearest value congruent to x modulo 2 pi). */
    public static double wrap(double x) {
        return x - TWO_PI * Math.rint(x * (1 / TWO_PI));
    }

    /**
     * Wrap-free discrete Laplacian (pixel units) of a wrapped phase image: at each pixel the sum of
     * wrap(neighbour - centre) over its 4 neighbours inside the image (Neumann boundary).
     */
    public static double[] wrapFreeLaplacian(double[] phi, int rows, int cols) {
        return wrapFreeLaplacian(phi, rows, cols, null);
    }

    /**
     * As {@link #wrapFreeLaplacian(double[], int, int)}, counting only differences between two
     * pixels that are both {@code valid} (null: all valid). Pixels without signal (air) have random
     * phase; leaving their differences out keeps their noise residues from spreading into tissue.
     */
    public static double[] wrapFreeLaplacian(double[] phi, int rows, int cols, boolean[] valid) {
        // each wrapped difference is computed once and added to both of its pixels
        double[] out = new double[phi.length];
        for (int y = 0; y < rows; y++) {
            int row = y * cols;
            for (int x = 0; x < cols; x++) {
                int i = row + x;
                if (valid != null && !valid[i]) {
                    continue;
                }
                if (x + 1 < cols && (valid == null || valid[i + 1])) {
                    double d = wrap(phi[i + 1] - phi[i]);
                    out[i] += d;
                    out[i + 1] -= d;
                }
                if (y + 1 < rows && (valid == null || valid[i + cols])) {
                    double d = wrap(phi[i + cols] - phi[i]);
                    out[i] += d;
                    out[i + cols] -= d;
                }
            }
        }
        return out;
    }
}
