// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 17, 48, 51, 74, 97, 100, 204, 256})
    void forwardMatchesTheNaiveDftForPowerOfTwoAndOtherLengths(int n) {
        Random rnd = new Random(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        double[] r = re.clone();
        double[] m = im.clone();
        Fft.of(n).forward(r, m);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * (double) j * k / n;
                sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
            // round-off only: 1e-9 absolute on O(sqrt n) magnitudes
            assertEquals(sr, r[k], 1e-9);
            assertEquals(si, m[k], 1e-9);
        }
        Fft.of(n).inverse(r, m);
        for (int i = 0; i < n; i++) {
            assertEquals(re[i], r[i], 1e-12);
            assertEquals(im[i], m[i], 1e-12);
        }
    }
}
