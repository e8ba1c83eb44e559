// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import java.util.Arrays;

/** Test helper: simple statistics of maps over masks. */
final class PhantomStats {
    private PhantomStats() {
    }

    /** {25th, 75th} percentile of the non-NaN values where mask is true. */
    static double[] quartilesInMask(float[] v, boolean[] mask) {
        float[] a = new float[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (mask[i] && !Float.isNaN(v[i])) {
                a[n++] = v[i];
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Arrays.sort(a, 0, n);
        return new double[] {a[n / 4], a[(3 * n) / 4]};
    }
}
