// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.Quantity;
import dev.mre.science.StiffnessMap;
import dev.mre.science.WaveField;

/**
 * Step: MDEV-style inversion, a ratio of sums of magnitudes over a window.
 *
 * <p>MDEV (Papazoglou et al. 2012) avoids dividing complex numbers that are small at wave nodes by
 * summing magnitudes first: |G*| = rho w^2 sum |U| / sum |lap U|, with the phase angle
 * phi = acos(-sum Re(L conj U) / sum |L||U|), G' = |G*| cos phi, G'' = |G*| sin phi. With one
 * component and one frequency the sums run over the (2r+1)^2 window instead. It never forms
 * U / L per pixel, so it is statistically different from AHI (a magnitude ratio, not a complex
 * least-squares fit), though it uses the same 3-point Laplacian. With directional components
 * ({@link LocalSums#of(java.util.List, int)}) the sums also run over the components, unweighted
 * (k-MDEV's amplitude weighting is not implemented). Output |G*| in kPa.
 */
public final class MdevInversion {
    private MdevInversion() {
    }

    /** The MDEV stiffness map of {@code w}. */
    public static StiffnessMap invert(WaveField w, InversionConfig config) {
        return invert(w, LocalSums.of(w, config.windowRadius()), config);
    }

    /** As {@link #invert(WaveField, InversionConfig)}, reusing window sums already computed. */
    public static StiffnessMap invert(WaveField w, LocalSums s, InversionConfig config) {
        int rows = w.rows();
        int cols = w.cols();
        double rhoW2kPa = config.densityKgPerM3() * w.omega() * w.omega() / 1000;
        int n = rows * cols;
        double[] sumLu = s.absLu();
        float[] mag = new float[n];
        float[] gp = new float[n];
        float[] gpp = new float[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(s.lapRe()[i]) || s.absL()[i] == 0 || sumLu[i] == 0) {
                mag[i] = gp[i] = gpp[i] = Float.NaN;
                continue;
            }
            double g = rhoW2kPa * s.absU()[i] / s.absL()[i];
            double cos = Math.max(-1, Math.min(1, -s.ulRe()[i] / sumLu[i]));
            // phi = acos(cos): G' = g cos(phi), G'' = g sin(phi) >= 0
            mag[i] = (float) g;
            gp[i] = (float) (g * cos);
            gpp[i] = (float) (g * Math.sqrt(1 - cos * cos));
        }
        return new StiffnessMap(InversionMethod.MDEV, Quantity.COMPLEX_MODULUS_MAGNITUDE, rows, cols, mag, gp, gpp);
    }
}
