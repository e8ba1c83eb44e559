// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.science.InversionConfig;
import dev.mre.science.WaveField;
import dev.mre.science.grid.BoxFilter;

/**
 * Noise-bias correction of the AHI window sums ({@link InversionConfig#noiseBiasCorrection()}).
 *
 * <p>Why. AHI fits G* = rho w^2 N / D over a window, N = sum |U|^2, D = -sum conj(U) L. With
 * U = U0 + n (n the filtered noise, power P per pixel, measured: {@link WaveField#noisePower()}):
 * <ul>
 *   <li>first order, E[D] = D0 + count P |ul| and E[N] = N0 + count P ({@link LaplacianNoise}: the
 *   noise's own Laplacian is correlated with it, conj(n) L n has the negative mean P ul). The
 *   Laplacian of band-passed noise is large (|ul| about 9e5 1/m^2 at 200 1/m, against k^2 = 1.4e4
 *   1/m^2 for a 10 kPa wave at 60 Hz), so D is biased up and G down;</li>
 *   <li>second order, |G*| divides by |D|, and E|D|^2 = |D0|^2 + V: the zero-mean noise of D,
 *   dominated by sum conj(U) L n, inflates |D| like the Rician bias of a magnitude. For U smooth on
 *   the scale of the correlation of L n (a pixel or two), V = (N / count) P lw, lw the variance of
 *   a window sum of L n per unit noise power ({@link LaplacianNoise#windowSumVariance}).</li>
 * </ul>
 * The correction subtracts the first-order expectations (method of moments): Re D minus
 * count P |ul|, N minus count P. Of V it subtracts half, V/2, keeping D's phase: the noise of D
 * has two components, along D0 and across it (variance V/2 each). The one along D0 is symmetric
 * and leaves the median of |D| where it was; the one across adds to |D| whatever its sign
 * (|D| = |D0| + n_along + n_across^2 / (2 |D0|) + ...), so the median of |D|^2 is |D0|^2 + V/2
 * while its mean is |D0|^2 + V. The maps are read by medians (ROI, mask, inclusion centres), so
 * the correction aims at the median: subtracting all of V left AHI 8% high on a noisy plane wave
 * whose V is 25% of |D0|^2 (uncorrected 13% low; LaplacianNoiseTest). The terms U-noise times L U0 and the variance
 * of conj(n) L n are left out: at the inclusion phantom's 20 mm centre (SNR 30) they are about 45
 * and 20 times smaller than sum conj(U) L n.
 *
 * <p>P is the measured noise power averaged over a {@value #NOISE_RADIUS_DOC} window: the
 * per-pixel measurement (bin 2 through the same filter, averaged over the inversion window) has a
 * relative error of order 1 with a 3x3 window, while the noise variance itself changes only with
 * the magnitude (coil shading, tissue); a wide average turns a noisy subtraction into a smooth one
 * (its error is then about 15% of the correction). It under-reads the noise inside a small
 * low-signal structure (the QA phantom's inclusions have 0.83 times the gel's magnitude: 1.44
 * times its noise power), so the correction is then slightly too small, never too large.
 *
 * <p>Guard: where the expected noise terms come close to the measured sums, the difference is
 * mostly noise and can even change sign. The corrected |D| is kept at or above {@value #KEEP_DOC}
 * of the measured |D| and N at or above the same fraction of itself, so the correction can at
 * most double |G*|; {@link AlgebraicHelmholtzInversion#noiseGuard} reports where it acted.
 */
public final class NoiseBias {
    /** Half-width of the window the measured noise power is averaged over (8: 17x17, 26.6 mm at 1.5625 mm). */
    public static final int NOISE_RADIUS = 8;
    /** The corrected |D| (and N) never drops below this fraction of the measured one. */
    public static final double KEEP = 0.5;
    static final String NOISE_RADIUS_DOC = "17x17";
    static final String KEEP_DOC = "0.5";

    private NoiseBias() {
    }

    /**
     * Expected noise terms of the window sums at every pixel: {@code [0]} count x P (added to sum |U|^2),
     * {@code [1]} count x P |ul| (added to Re D), {@code [2]} V / 2 (the part of V to subtract from |D|^2). Zeros where the field
     * has no noise power.
     */
    static double[][] expected(WaveField w, LocalSums s, InversionConfig c) {
        return expected(w, s, c, c.windowRadius());
    }

    /** As {@link #expected(WaveField, LocalSums, InversionConfig)} for sums {@code s} over a (2r+1)^2 window. */
    static double[][] expected(WaveField w, LocalSums s, InversionConfig c, int r) {
        int n = w.rows() * w.cols();
        double[] np = new double[n];
        double[] nd = new double[n];
        double[] v = new double[n];
        if (w.noisePower() == null) {
            return new double[][] {np, nd, v};
        }
        double[] p = BoxFilter.mean(w.noisePower(), w.rows(), w.cols(), NOISE_RADIUS);
        LaplacianNoise k = LaplacianNoise.of(w.rows(), w.cols(), w.rowSpacingM(), w.colSpacingM(), c);
        double lw = LaplacianNoise.windowSumVariance(w.rows(), w.cols(), w.rowSpacingM(), w.colSpacingM(), c,
                r);
        for (int i = 0; i < n; i++) {
            double count = s.count()[i];
            if (count == 0) {
                continue;
            }
            np[i] = count * p[i];
            nd[i] = -count * p[i] * k.ul();
            v[i] = 0.5 * s.uu()[i] / count * p[i] * lw; // the half across D0: see the class comment
        }
        return new double[][] {np, nd, v};
    }
}
