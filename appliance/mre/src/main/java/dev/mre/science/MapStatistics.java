// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

import java.util.Arrays;

/**
 * Summary statistics of maps over masks. Exists so the CLI summary, tests and reports compute
 * "median |G*| in the mask" the same way. NaN pixels are skipped.
 */
public final class MapStatistics {
    private MapStatistics() {
    }

    /** Median of values where mask is true and the value is not NaN; NaN if there is none. */
    public static double medianInMask(float[] values, boolean[] mask) {
        float[] v = new float[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if ((mask == null || mask[i]) && !Float.isNaN(values[i])) {
                v[n++] = values[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : 0.5 * ((double) v[n / 2 - 1] + v[n / 2]);
    }

    /** Mean of values where mask is true and the value is not NaN; NaN if there is none. */
    public static double meanInMask(float[] values, boolean[] mask) {
        double s = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if ((mask == null || mask[i]) && !Float.isNaN(values[i])) {
                s += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
