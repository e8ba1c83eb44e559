// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.fft;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two-dimensional DCT-II and its exact inverse for real row-major images of any size.
 *
 * <p>Exists because the DCT diagonalises the 5-point Laplacian with Neumann (mirror) boundaries:
 * least-squares phase unwrapping becomes a division in this domain, and a radially symmetric
 * k-space filter applied here equals filtering the mirror-extended image, which avoids the edge
 * ringing a periodic FFT would add. Uses Makhoul's N-point FFT algorithm, two real rows per complex
 * FFT.
 *
 * <p>Convention (unnormalised): X[k] = sum_n x[n] cos(pi k (2n+1) / (2N)) along each axis;
 * {@link #inverse2d} undoes {@link #forward2d} exactly. Coefficient (p, q) has spatial frequency
 * p / (2 rows h_row) and q / (2 cols h_col) cycles per unit length.
 */
public final class Dct {
    private static final Map<Integer, double[]> TWIDDLES = new ConcurrentHashMap<>();

    private Dct() {
    }

    /** In-place 2D DCT-II of a rows x cols row-major image. */
    public static void forward2d(double[] img, int rows, int cols) {
        apply2d(img, rows, cols, true);
    }

    /** In-place inverse of {@link #forward2d}. */
    public static void inverse2d(double[] img, int rows, int cols) {
        apply2d(img, rows, cols, false);
    }

    private static void apply2d(double[] img, int rows, int cols, boolean forward) {
        if (img.length != rows * cols) {
            throw new IllegalArgumentException("image length " + img.length + " != " + rows + "x" + cols);
        }
        double[] a = new double[cols];
        double[] b = new double[cols];
        double[] zr = new double[Math.max(rows, cols)];
        double[] zi = new double[Math.max(rows, cols)];
        for (int r = 0; r < rows; r += 2) {
            boolean pair = r + 1 < rows;
            System.arraycopy(img, r * cols, a, 0, cols);
            if (pair) {
                System.arraycopy(img, (r + 1) * cols, b, 0, cols);
            } else {
                java.util.Arrays.fill(b, 0);
            }
            pass(a, b, cols, forward, zr, zi);
            System.arraycopy(a, 0, img, r * cols, cols);
            if (pair) {
                System.arraycopy(b, 0, img, (r + 1) * cols, cols);
            }
        }
        a = new double[rows];
        b = new double[rows];
        for (int c = 0; c < cols; c += 2) {
            boolean pair = c + 1 < cols;
            for (int r = 0; r < rows; r++) {
                a[r] = img[r * cols + c];
                b[r] = pair ? img[r * cols + c + 1] : 0;
            }
            pass(a, b, rows, forward, zr, zi);
            for (int r = 0; r < rows; r++) {
                img[r * cols + c] = a[r];
                if (pair) {
                    img[r * cols + c + 1] = b[r];
                }
            }
        }
    }

    /** DCT-II (forward) or its inverse of two real sequences a and b of length n, in place. */
    static void pass(double[] a, double[] b, int n, boolean forward, double[] zr, double[] zi) {
        double[] w = TWIDDLES.computeIfAbsent(n, Dct::twiddles); // cos, sin of -pi k / 2n
        Fft fft = Fft.of(n);
        double[] re = n == zr.length ? zr : new double[n];
        double[] im = n == zi.length ? zi : new double[n];
        if (forward) {
            for (int i = 0; i < n; i++) {
                int j = (i & 1) == 0 ? i >> 1 : n - 1 - (i >> 1);
                re[j] = a[i];
                im[j] = b[i];
            }
            fft.forward(re, im);
            for (int k = 0; k < n; k++) {
                int nk = k == 0 ? 0 : n - k;
                // V_a = (Z[k] + conj Z[n-k]) / 2 ; V_b = (Z[k] - conj Z[n-k]) / 2i
                double var = 0.5 * (re[k] + re[nk]);
                double vai = 0.5 * (im[k] - im[nk]);
                double vbr = 0.5 * (im[k] + im[nk]);
                double vbi = -0.5 * (re[k] - re[nk]);
                double c = w[2 * k];
                double s = w[2 * k + 1];
                a[k] = var * c - vai * s;
                b[k] = vbr * c - vbi * s;
            }
        } else {
            for (int k = 0; k < n; k++) {
                double c = w[2 * k];
                double s = -w[2 * k + 1]; // e^{+i pi k / 2n}
                double xa = a[k];
                double ya = k == 0 ? 0 : -a[n - k];
                double xb = b[k];
                double yb = k == 0 ? 0 : -b[n - k];
                // V = e^{i pi k/2n} (X[k] - i X[n-k]); Z = V_a + i V_b
                double var = xa * c - ya * s;
                double vai = xa * s + ya * c;
                double vbr = xb * c - yb * s;
                double vbi = xb * s + yb * c;
                re[k] = var - vbi;
                im[k] = vai + vbr;
            }
            fft.inverse(re, im);
            for (int i = 0; i < n; i++) {
                int j = (i & 1) == 0 ? i >> 1 : n - 1 - (i >> 1);
                a[i] = re[j];
                b[i] = im[j];
            }
        }
    }

    private static double[] twiddles(int n) {
        double[] w = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double ang = -Math.PI * k / (2.0 * n);
            w[2 * k] = Math.cos(ang);
            w[2 * k + 1] = Math.sin(ang);
        }
        return w;
    }
}
