// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phase;

import dev.mre.science.fft.Dct;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Least-squares (Laplacian-based) phase unwrapping with a congruence step.
 *
 * <p>Exists because MRE phase wraps several times across an image at clinical motion encoding.
 * Method (Ghiglia and Romero 1994, unweighted): solve the Poisson equation lap(psi) = wrap-free
 * Laplacian of the wrapped phase with Neumann boundaries by a DCT (exact, one forward and one
 * inverse transform), shift psi by the circular mean of (phi - psi), then snap every pixel to the
 * value congruent with the measured phase: phi + 2 pi round((psi - phi) / 2 pi). Where the true
 * phase changes by less than pi per pixel the result is the true phase up to a global multiple of
 * 2 pi, for any number of wraps; isolated noise residues only perturb psi smoothly, and the snap
 * removes that perturbation wherever it stays under pi. Pixels without signal (air: uniformly
 * random phase, a residue at almost every pixel) would perturb psi by more than pi across the
 * whole image, so callers pass a validity mask and their differences are left out.
 */
public final class LaplacianUnwrap {
    private static final double TWO_PI = 2 * Math.PI;

    private LaplacianUnwrap() {
    }

    /** Unwrapped copy of a wrapped row-major phase image (radians). */
    public static double[] unwrap(double[] wrapped, int rows, int cols) {
        return unwrap(wrapped, rows, cols, null);
    }

    /**
     * Unwrapped copy using only phase differences between {@code valid} pixels (null: all). Invalid
     * pixels (no signal) get a value too, but it means nothing.
     */
    public static double[] unwrap(double[] wrapped, int rows, int cols, boolean[] valid) {
        double[] psi = Wrap.wrapFreeLaplacian(wrapped, rows, cols, valid);
        Dct.filter2d(psi, rows, cols, inverseEigen(rows, cols));
        double sc = 0;
        double ss = 0;
        // the shift only has to be right to well within pi: a 1-in-7 subsample is plenty
        for (int i = 0; i < psi.length; i += 7) {
            if (valid != null && !valid[i]) {
                continue;
            }
            double d = wrapped[i] - psi[i];
            sc += Math.cos(d);
            ss += Math.sin(d);
        }
        double shift = Math.atan2(ss, sc);
        for (int i = 0; i < psi.length; i++) {
            double v = psi[i] + shift;
            psi[i] = wrapped[i] + TWO_PI * Math.rint((v - wrapped[i]) / TWO_PI);
        }
        return psi;
    }

    /** 1 / (lambda_p + lambda_q) per DCT coefficient (p * cols + q; 0 at p = q = 0), cached per size. */
    private static double[] inverseEigen(int rows, int cols) {
        if (INVERSE_EIGEN.size() > 16) {
            INVERSE_EIGEN.clear();
        }
        return INVERSE_EIGEN.computeIfAbsent(List.of(rows, cols), k -> {
            double[] cy = eigen(rows);
            double[] cx = eigen(cols);
            double[] f = new double[rows * cols];
            for (int p = 0; p < rows; p++) {
                for (int q = 0; q < cols; q++) {
                    double lambda = cy[p] + cx[q];
                    f[p * cols + q] = lambda == 0 ? 0 : 1 / lambda;
                }
            }
            return f;
        });
    }

    private static final Map<List<Integer>, double[]> INVERSE_EIGEN = new ConcurrentHashMap<>();

    /** Eigenvalues 2 cos(pi p / n) - 2 of the 1D Neumann second difference under the DCT-II. */
    static double[] eigen(int n) {
        double[] e = new double[n];
        for (int p = 0; p < n; p++) {
            e[p] = 2 * Math.cos(Math.PI * p / n) - 2;
        }
        return e;
    }
}
