// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.confidence;

import dev.mre.science.ConfidenceMap;
import dev.mre.science.InversionConfig;
import dev.mre.science.WaveField;
import dev.mre.science.inversion.LocalSums;

/**
 * Step: confidence in [0, 1] per pixel and the mask of pixels at or above the mask threshold.
 *
 * <p>Definition (docs/inversion.md): c = c_fit * c_amp over the inversion window of n pixels.
 * <ul>
 *   <li>Model fit. The local Helmholtz model predicts L = -q U with one complex q. The fraction of
 *   the Laplacian's energy it explains is R^2 = |sum conj(U) L|^2 / (sum|U|^2 sum|L|^2) (1 for a
 *   perfect wave, Cauchy-Schwarz). Treating the unexplained part as noise, the relative standard
 *   error of q is d^2 = (1 - R^2) / (R^2 n), and c_fit = 1 - exp(-tol^2 / d^2) is the chance that the
 *   local modulus is within +-tol of the fitted value (complex Gaussian error).</li>
 *   <li>Wave amplitude over noise. a^2 = max(0, mean|U|^2 / P_noise - 1), P_noise the measured noise
 *   power of U at the pixel (after the same filtering), and c_amp = 1 - exp(-a^2 / a_ref^2).
 *   Band-passed noise alone looks locally like waves, so the fit term cannot flag it; this does.</li>
 * </ul>
 * The border ring where the Laplacian is undefined has confidence 0. The n in d^2 ignores the
 * spatial correlation of filtered noise, so c_fit is optimistic; the threshold is validated on
 * simulated acquisitions (tests), not derived.
 */
public final class ConfidenceEstimation {
    private ConfidenceEstimation() {
    }

    /** The confidence map of {@code w}. */
    public static ConfidenceMap estimate(WaveField w, InversionConfig config) {
        return estimate(w, LocalSums.of(w, config.windowRadius()), config);
    }

    /** As {@link #estimate(WaveField, InversionConfig)}, reusing window sums already computed. */
    public static ConfidenceMap estimate(WaveField w, LocalSums s, InversionConfig config) {
        int n = w.rows() * w.cols();
        double tol2 = config.confidenceTolerance() * config.confidenceTolerance();
        double aRef2 = config.amplitudeOverNoiseRef() * config.amplitudeOverNoiseRef();
        float[] conf = new float[n];
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            double count = s.count()[i];
            if (Double.isNaN(s.lapRe()[i]) || count == 0 || s.uu()[i] == 0 || s.ll()[i] == 0) {
                continue;
            }
            double ul2 = s.ulRe()[i] * s.ulRe()[i] + s.ulIm()[i] * s.ulIm()[i];
            double r2 = Math.min(1, ul2 / (s.uu()[i] * s.ll()[i]));
            double fit = r2 >= 1 ? 1 : 1 - Math.exp(-tol2 * r2 * count / (1 - r2));
            double noise = w.noisePower() == null ? 0 : w.noisePower()[i];
            double amp;
            if (noise <= 0) {
                amp = 1;
            } else {
                double a2 = Math.max(0, s.uu()[i] / count / noise - 1);
                amp = 1 - Math.exp(-a2 / aRef2);
            }
            double c = fit * amp;
            conf[i] = (float) c;
            mask[i] = c >= config.maskThreshold();
        }
        return new ConfidenceMap(w.rows(), w.cols(), conf, mask, config.maskThreshold());
    }
}
