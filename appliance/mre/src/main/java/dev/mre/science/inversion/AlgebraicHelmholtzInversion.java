// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.Quantity;
import dev.mre.science.StiffnessMap;
import dev.mre.science.WaveField;

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
            double k = rhoW2kPa * uu / d2;
            double re = k * dr;
            double im = -k * di;
            gp[i] = (float) re;
            gpp[i] = (float) im;
            mag[i] = (float) Math.sqrt(re * re + im * im);
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
}
