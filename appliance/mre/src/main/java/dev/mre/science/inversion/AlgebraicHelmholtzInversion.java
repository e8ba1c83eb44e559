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
        for (int i = 0; i < n; i++) {
            double dr = -s.ulRe()[i];
            double di = -s.ulIm()[i];
            double d2 = dr * dr + di * di;
            boolean border = Double.isNaN(s.lapRe()[i]);
            if (border || d2 == 0 || s.count()[i] == 0) {
                mag[i] = gp[i] = gpp[i] = Float.NaN;
                continue;
            }
            double k = rhoW2kPa * s.uu()[i] / d2;
            double re = k * dr;
            double im = -k * di;
            gp[i] = (float) re;
            gpp[i] = (float) im;
            mag[i] = (float) Math.sqrt(re * re + im * im);
        }
        return new StiffnessMap(InversionMethod.AHI, Quantity.COMPLEX_MODULUS_MAGNITUDE, w.rows(), w.cols(),
                mag, gp, gpp);
    }
}
