// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.grid;

/**
 * Sums and means over square windows, in O(pixels) whatever the window size.
 *
 * <p>Exists because the windowed inversions and the confidence map are ratios of local sums; a
 * separable running sum keeps them cheap. Windows are clipped at the image border; NaN inputs are
 * not allowed (callers pass zero with a zero weight instead).
 */
public final class BoxFilter {
    private BoxFilter() {
    }

    /** Sum of {@code in} over the (2r+1)^2 window centred on each pixel, clipped at the border. */
    public static double[] sum(double[] in, int rows, int cols, int r) {
        double[] out = in.clone();
        sumInPlace(out, rows, cols, r, new double[in.length]);
        return out;
    }

    /**
     * As {@link #sum}, overwriting {@code a} with its window sums; {@code tmp} is scratch of at
     * least a's length (saves two image allocations per call when summing many images).
     */
    public static void sumInPlace(double[] a, int rows, int cols, int r, double[] tmp) {
        double[] in = a;
        for (int y = 0; y < rows; y++) {
            int base = y * cols;
            double s = 0;
            for (int x = 0; x <= Math.min(r, cols - 1); x++) {
                s += in[base + x];
            }
            for (int x = 0; x < cols; x++) {
                tmp[base + x] = s;
                int add = x + r + 1;
                int sub = x - r;
                if (add < cols) {
                    s += in[base + add];
                }
                if (sub >= 0) {
                    s -= in[base + sub];
                }
            }
        }
        double[] out = a; // the row pass has consumed a: safe to overwrite
        double[] col = new double[cols];
        for (int y = 0; y <= Math.min(r, rows - 1); y++) {
            for (int x = 0; x < cols; x++) {
                col[x] += tmp[y * cols + x];
            }
        }
        for (int y = 0; y < rows; y++) {
            System.arraycopy(col, 0, out, y * cols, cols);
            int add = y + r + 1;
            int sub = y - r;
            for (int x = 0; x < cols; x++) {
                if (add < rows) {
                    col[x] += tmp[add * cols + x];
                }
                if (sub >= 0) {
                    col[x] -= tmp[sub * cols + x];
                }
            }
        }
    }

    /** Mean of {@code in} over the clipped window centred on each pixel. */
    public static double[] mean(double[] in, int rows, int cols, int r) {
        double[] s = sum(in, rows, cols, r);
        for (int y = 0; y < rows; y++) {
            int ny = Math.min(rows - 1, y + r) - Math.max(0, y - r) + 1;
            for (int x = 0; x < cols; x++) {
                int nx = Math.min(cols - 1, x + r) - Math.max(0, x - r) + 1;
                s[y * cols + x] /= (double) (nx * ny);
            }
        }
        return s;
    }
}
