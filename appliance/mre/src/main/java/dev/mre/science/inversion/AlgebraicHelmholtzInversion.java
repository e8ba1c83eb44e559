// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.Quantity;
import dev.mre.science.StiffnessMap;
import dev.mre.science.WaveField;
import java.util.List;

/**
 * Step: algebraic Helmholtz inversion (AHI), wave field to complex shear modulus G* per pixel.
 *
 * <p>Assumes local homogeneity, so G* lap U + rho w^2 U = 0. Over the (2r+1)^2 window around each
 * pixel it fits the single complex number q = rho w^2 / G* by least squares on lap U = -q U:
 * q = -sum conj(U) L / sum |U|^2, i.e. G* = rho w^2 sum |U|^2 / (-sum conj(U) L). Regressing L on U
 * (not U on L) keeps the noisier quantity, L, as the dependent variable, which avoids the
 * errors-in-variables bias towards low stiffness. With r = 0 this is the textbook per-pixel
 * -rho w^2 U / lap U. L is the 3-point Laplacian, bias about +(kh)^2/12 on G.
 * Output: |G*| in kPa, with G' and G''.
 *
 * <p>Regressing L on U does not remove the bias that the noise of U puts into both sums: the
 * noise's own Laplacian correlates with it (first order) and the noise of D inflates |D| (second
 * order); both bias |G*| low where the wave is weak or its Laplacian small (stiff tissue). With
 * {@link InversionConfig#noiseBiasCorrection()} their expectations are subtracted ({@link NoiseBias}).
 */
public final class AlgebraicHelmholtzInversion {
    private AlgebraicHelmholtzInversion() {
    }

    /** The AHI stiffness map of {@code w}. */
    public static StiffnessMap invert(WaveField w, InversionConfig config) {
        return invert(w, LocalSums.of(w, config.windowRadius()), config);
    }

    /** As {@link #invert(WaveField, InversionConfig)}, reusing window sums already computed. */
    public static StiffnessMap invert(WaveField w, LocalSums s, InversionConfig config) {
        double rhoW2kPa = config.densityKgPerM3() * w.omega() * w.omega() / 1000;
        int n = w.rows() * w.cols();
        float[] mag = new float[n];
        float[] gp = new float[n];
        float[] gpp = new float[n];
        double[][] e = config.noiseBiasCorrection() ? NoiseBias.expected(w, s, config) : null;
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            double dr = -s.ulRe()[i];
            double di = -s.ulIm()[i];
            double uu = s.uu()[i];
            if (e != null) {
                corrected(dr, di, uu, e[0][i], e[1][i], e[2][i], c);
                dr = c[0];
                di = c[1];
                uu = c[2];
            }
            double d2 = dr * dr + di * di;
            boolean border = Double.isNaN(s.lapRe()[i]);
            if (border || d2 == 0 || s.count()[i] == 0) {
                mag[i] = gp[i] = gpp[i] = Float.NaN;
                continue;
            }
            put(i, rhoW2kPa * uu / d2, dr, di, mag, gp, gpp);
        }
        return new StiffnessMap(InversionMethod.AHI, Quantity.COMPLEX_MODULUS_MAGNITUDE, w.rows(), w.cols(),
                mag, gp, gpp);
    }

    /** The window radii the adaptive AHI chooses from: windowRadius..adaptiveMaxRadius (one radius when off). */
    public static int[] adaptiveRadii(InversionConfig config) {
        int r0 = config.windowRadius();
        int r1 = config.adaptiveWindow() ? config.adaptiveMaxRadius() : r0;
        int[] radii = new int[r1 - r0 + 1];
        for (int k = 0; k < radii.length; k++) {
            radii[k] = r0 + k;
        }
        return radii;
    }

    /**
     * AHI with a window chosen per pixel ({@link InversionConfig#adaptiveMaxRadius()}): a
     * bias-variance choice. A small window resolves small structures but its fit is noisy; a large
     * one is quiet but averages across boundaries. For each radius (ascending) the noise of the fit
     * is predicted from the measured noise power: D = -sum conj(U) L has the noise variance V
     * ({@link NoiseBias}), half of it along D0, and |G*| = rho w^2 N / |D| inherits D's relative
     * error along D0, so the relative standard deviation of |G*| is about sqrt(V / 2) / |D0|, with
     * |D0|^2 estimated as |D|^2 - V (D after the first-order correction; method of moments). The
     * first radius where that is at most {@link InversionConfig#confidenceTolerance()} (the same
     * "within 10%" the confidence map refers to) is used; where none qualifies (or |D|^2 does not
     * exceed V: noise only), the largest. Without a measured noise power every pixel takes the
     * smallest radius. The modulus is then that radius's AHI, noise-corrected when
     * {@link InversionConfig#noiseBiasCorrection()} is on.
     *
     * @param sums  window sums per radius, {@code sums.get(k)} over radius {@code radii[k]} (same field)
     * @param radii ascending window radii
     */
    public static StiffnessMap invertAdaptive(WaveField w, List<LocalSums> sums, int[] radii, InversionConfig config) {
        return adaptive(w, sums, radii, config, null);
    }

    /**
     * The predicted relative variance of |G*| at every pixel for sums {@code s} over a (2r+1)^2
     * window, the quantity the adaptive window compares with the squared tolerance:
     * (V / 2) / (|D|^2 - V), D after the first-order noise correction (infinite where |D|^2 does
     * not exceed V; 0 without a measured noise power; NaN where the map is undefined).
     */
    public static double[] relativeVariance(WaveField w, LocalSums s, InversionConfig config, int r) {
        double[][] e = NoiseBias.expected(w, s, config, r);
        double[] out = new double[w.rows() * w.cols()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(s.lapRe()[i]) || s.count()[i] == 0 ? Double.NaN : relativeVariance(s, e, i);
        }
        return out;
    }

    private static double relativeVariance(LocalSums s, double[][] e, int i) {
        double dr = -s.ulRe()[i];
        double di = -s.ulIm()[i];
        double drc = dr - Math.min(Math.max(dr, 0), e[1][i]);
        double halfV = e[2][i];
        double d0sq = drc * drc + di * di - 2 * halfV; // method-of-moments estimate of |D0|^2
        if (halfV == 0) {
            return 0;
        }
        return d0sq > 0 ? halfV / d0sq : Double.POSITIVE_INFINITY;
    }

    /** The radius {@link #invertAdaptive} uses at every pixel (-1 where the map is undefined). */
    public static int[] adaptiveRadius(WaveField w, List<LocalSums> sums, int[] radii, InversionConfig config) {
        int[] chosen = new int[w.rows() * w.cols()];
        adaptive(w, sums, radii, config, chosen);
        return chosen;
    }

    private static StiffnessMap adaptive(WaveField w, List<LocalSums> sums, int[] radii, InversionConfig config,
                                         int[] chosen) {
        if (sums.size() != radii.length || radii.length == 0) {
            throw new IllegalArgumentException("one LocalSums per radius");
        }
        double rhoW2kPa = config.densityKgPerM3() * w.omega() * w.omega() / 1000;
        double tol2 = config.confidenceTolerance() * config.confidenceTolerance();
        int n = w.rows() * w.cols();
        float[] mag = new float[n];
        float[] gp = new float[n];
        float[] gpp = new float[n];
        double[][][] e = new double[radii.length][][];
        for (int k = 0; k < radii.length; k++) {
            e[k] = NoiseBias.expected(w, sums.get(k), config, radii[k]);
        }
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            LocalSums s0 = sums.get(0);
            if (Double.isNaN(s0.lapRe()[i]) || s0.count()[i] == 0) {
                mag[i] = gp[i] = gpp[i] = Float.NaN;
                if (chosen != null) {
                    chosen[i] = -1;
                }
                continue;
            }
            int pick = radii.length - 1;
            for (int k = 0; k < radii.length - 1; k++) {
                if (relativeVariance(sums.get(k), e[k], i) <= tol2) {
                    pick = k;
                    break;
                }
            }
            if (chosen != null) {
                chosen[i] = radii[pick];
            }
            LocalSums s = sums.get(pick);
            double dr = -s.ulRe()[i];
            double di = -s.ulIm()[i];
            double uu = s.uu()[i];
            if (config.noiseBiasCorrection()) {
                corrected(dr, di, uu, e[pick][0][i], e[pick][1][i], e[pick][2][i], c);
                dr = c[0];
                di = c[1];
                uu = c[2];
            }
            double d2 = dr * dr + di * di;
            if (d2 == 0) {
                mag[i] = gp[i] = gpp[i] = Float.NaN;
                continue;
            }
            put(i, rhoW2kPa * uu / d2, dr, di, mag, gp, gpp);
        }
        return new StiffnessMap(InversionMethod.AHI, Quantity.COMPLEX_MODULUS_MAGNITUDE, w.rows(), w.cols(),
                mag, gp, gpp);
    }

    /**
     * Where the guard of the noise-bias correction acted ({@link NoiseBias}): the expected noise
     * terms would have taken |D| or sum |U|^2 below {@link NoiseBias#KEEP} of the measured value, so
     * the estimate there is noise-dominated and the correction was capped. All false when the
     * correction is off.
     */
    public static boolean[] noiseGuard(WaveField w, LocalSums s, InversionConfig config) {
        int n = w.rows() * w.cols();
        boolean[] out = new boolean[n];
        if (!config.noiseBiasCorrection()) {
            return out;
        }
        double[][] e = NoiseBias.expected(w, s, config);
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            if (s.count()[i] > 0 && !Double.isNaN(s.lapRe()[i])) {
                out[i] = corrected(-s.ulRe()[i], -s.ulIm()[i], s.uu()[i], e[0][i], e[1][i], e[2][i], c);
            }
        }
        return out;
    }

    /**
     * Noise-corrected D = dr + i di and N = uu into out {dr, di, uu}: Re D minus the expected
     * noise term nd (not below 0), then |D|^2 minus v, |D| kept at or above KEEP |D measured| with
     * D's phase; N minus np, kept at or above KEEP N. Returns whether a guard acted.
     */
    private static boolean corrected(double dr, double di, double uu, double np, double nd, double v, double[] out) {
        double d2 = dr * dr + di * di;
        double drc = dr - Math.min(Math.max(dr, 0), nd);
        double d2c = drc * drc + di * di - v;
        double floor = NoiseBias.KEEP * NoiseBias.KEEP * d2;
        boolean guard = d2c < floor || (dr > 0 && nd > dr);
        if (d2c < floor) {
            d2c = floor;
        }
        double f = drc * drc + di * di > 0 ? Math.sqrt(d2c / (drc * drc + di * di)) : 1;
        out[0] = drc * f;
        out[1] = di * f;
        double uc = uu - np;
        if (uc < NoiseBias.KEEP * uu) {
            uc = NoiseBias.KEEP * uu;
            guard = true;
        }
        out[2] = uc;
        return guard;
    }

    /** G* = k (D_re - i D_im) at pixel i: G', G'' and |G*| (k = rho omega^2 sum|u|^2 / |D|^2, in kPa). */
    private static void put(int i, double k, double dr, double di, float[] mag, float[] gp, float[] gpp) {
        double re = k * dr;
        double im = -k * di;
        gp[i] = (float) re;
        gpp[i] = (float) im;
        mag[i] = (float) Math.sqrt(re * re + im * im);
    }
}
