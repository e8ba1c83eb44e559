// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phase;

/**
 * Unwrapping of the N phase offsets of one slice through their temporal steps, with spatial
 * (Poisson) solves only where the motion requires them.
 *
 * <p>Exists because a Laplacian unwrap per offset (two 2D DCTs each) was 44% of a slice's time.
 * Offset t is taken as psi_t = psi_{t-1} + wrap(phi_t - phi_{t-1}): exact (up to a static image
 * common to all offsets) wherever the true motion between consecutive offsets stays below pi.
 * That condition is checked, not assumed: where it fails somewhere, the wrapped temporal step
 * wraps spatially, i.e. two neighbouring signal pixels of the step differ by more than pi (the
 * true step changes far less than pi per pixel: it is a difference of two wave images, with no
 * static background). If any step wraps, every offset is unwrapped spatially on its own
 * ({@link LaplacianUnwrap}, N Poisson solves), exactly as before this class existed. (Unwrapping
 * only the failing step spatially was tried: on the anatomical phantoms, whose driver near field
 * moves more than pi between offsets, it changed the harmonic at about 12% of the signal pixels
 * and shrank the confidence mask by 10-25%; the per-offset unwrap is the better fallback.)
 *
 * <p>The static image is common to every offset, so it only reaches temporal bin 0: for any bin
 * k != 0, sum_t e^{-2 pi i k t / N} = 0. On the temporal path {@link #relative} therefore returns
 * psi_t - psi_0 and never unwraps offset 0 at all; {@link #unwrap} returns absolute phase.
 */
public final class TemporalUnwrap {
    private TemporalUnwrap() {
    }

    /**
     * Unwrapped offsets and how many spatial Poisson solves they took.
     *
     * @param phase         unwrapped phase per offset, [N][pixel], radians
     * @param spatialSolves number of Laplacian (Poisson) unwraps done
     */
    public record Result(double[][] phase, int spatialSolves) {
    }

    /**
     * Unwrapped phase of every offset of {@code wrapped[N][pixel]} (radians) up to a static image
     * common to all offsets, using only differences between {@code valid} pixels (null: all):
     * psi_t - psi_0 (row 0 zero, no spatial solve) when no temporal step exceeds pi, else the
     * absolute per-offset unwrap (N spatial solves). The input is not modified.
     */
    public static Result relative(double[][] wrapped, int rows, int cols, boolean[] valid) {
        int n = wrapped.length;
        int pixels = rows * cols;
        for (double[] w : wrapped) {
            if (w.length != pixels) {
                throw new IllegalArgumentException("phase images must hold " + rows + "x" + cols + " pixels");
            }
        }
        double[][] out = new double[n][];
        out[0] = new double[pixels];
        for (int t = 1; t < n; t++) {
            double[] cur = wrapped[t];
            double[] prev = wrapped[t - 1];
            double[] p = out[t - 1];
            double[] step = new double[pixels];
            for (int i = 0; i < pixels; i++) {
                step[i] = Wrap.wrap(cur[i] - prev[i]);
            }
            if (wrapsSpatially(step, rows, cols, valid)) {
                return perOffset(wrapped, rows, cols, valid);
            }
            for (int i = 0; i < pixels; i++) {
                step[i] += p[i];
            }
            out[t] = step;
        }
        return new Result(out, 0);
    }

    /** Every offset unwrapped spatially on its own (N Poisson solves). */
    static Result perOffset(double[][] wrapped, int rows, int cols, boolean[] valid) {
        double[][] out = new double[wrapped.length][];
        for (int t = 0; t < wrapped.length; t++) {
            out[t] = LaplacianUnwrap.unwrap(wrapped[t], rows, cols, valid);
        }
        return new Result(out, wrapped.length);
    }

    /** Absolute unwrapped phase of every offset: {@link #relative} plus offset 0 unwrapped spatially. */
    public static Result unwrap(double[][] wrapped, int rows, int cols, boolean[] valid) {
        Result r = relative(wrapped, rows, cols, valid);
        if (r.spatialSolves() > 0) {
            return r;
        }
        double[] psi0 = LaplacianUnwrap.unwrap(wrapped[0], rows, cols, valid);
        for (double[] p : r.phase()) {
            for (int i = 0; i < p.length; i++) {
                p[i] += psi0[i];
            }
        }
        return new Result(r.phase(), 1);
    }

    /** True if two neighbouring valid pixels of {@code x} differ by more than pi. */
    static boolean wrapsSpatially(double[] x, int rows, int cols, boolean[] valid) {
        for (int y = 0; y < rows; y++) {
            int row = y * cols;
            boolean lastRow = y + 1 == rows;
            for (int c = 0; c < cols; c++) {
                int i = row + c;
                if (valid != null && !valid[i]) {
                    continue;
                }
                double v = x[i];
                if (c + 1 < cols && (valid == null || valid[i + 1]) && Math.abs(x[i + 1] - v) > Math.PI) {
                    return true;
                }
                if (!lastRow && (valid == null || valid[i + cols]) && Math.abs(x[i + cols] - v) > Math.PI) {
                    return true;
                }
            }
        }
        return false;
    }
}
