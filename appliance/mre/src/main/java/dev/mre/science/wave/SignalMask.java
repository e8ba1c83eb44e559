// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.wave;

import dev.mre.science.MreSlice;
import java.util.Arrays;

/**
 * Pixels with MR signal: mean magnitude over the offsets at least {@code fraction} of the image's
 * 95th-percentile magnitude.
 *
 * <p>Exists because the phase of air is uniformly random; unwrapping must not integrate across it.
 * The 95th percentile rather than the maximum keeps one hot pixel from raising the threshold.
 */
public final class SignalMask {
    private static final double REFERENCE_PERCENTILE = 0.95;
    private static final int SUBSAMPLE = 7;

    private SignalMask() {
    }

    /** True where the slice has signal. */
    public static boolean[] of(MreSlice slice, double fraction) {
        float[][] mags = slice.magnitude();
        int n = mags[0].length;
        double[] m = new double[n];
        for (float[] img : mags) {
            for (int i = 0; i < n; i++) {
                m[i] += img[i];
            }
        }
        // percentile of a 1-in-SUBSAMPLE sample: same value to a fraction of a percent, 10x cheaper
        double[] sample = new double[(n + SUBSAMPLE - 1) / SUBSAMPLE];
        for (int i = 0, j = 0; i < n; i += SUBSAMPLE, j++) {
            sample[j] = m[i];
        }
        Arrays.sort(sample);
        double threshold = fraction * sample[(int) Math.min(sample.length - 1, Math.floor(REFERENCE_PERCENTILE * sample.length))];
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) {
            valid[i] = m[i] >= threshold;
        }
        return valid;
    }
}
