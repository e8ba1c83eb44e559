// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.wave;

import dev.mre.science.MreSlice;
import dev.mre.science.grid.BoxFilter;
import java.util.Arrays;

/**
 * Noise power of the filtered wave field from the magnitude image, for exams with 3 offsets.
 *
 * <p>Exists because 3 offsets leave no unexcited temporal bin to measure noise in. The complex MR
 * noise s_n is estimated robustly as median|M(x+1) - M(x)| / (0.6745 sqrt 2) over the image; the
 * phase noise at a pixel is s_n / M, which becomes E|noise of U|^2 = (4/N) (s_n/M)^2 g after the
 * harmonic and a band-pass of mean power gain g.
 */
final class MagnitudeNoise {
    private static final double MAD_TO_SIGMA = 1 / 0.6745;

    private MagnitudeNoise() {
    }

    static double[] filteredPhaseNoisePower(MreSlice slice, double[] gains, int r, int rows, int cols) {
        double[] m = new double[rows * cols];
        for (float[] img : slice.magnitude()) {
            for (int i = 0; i < m.length; i++) {
                m[i] += img[i] / (double) slice.magnitude().length;
            }
        }
        double[] d = new double[rows * (cols - 1)];
        int k = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x + 1 < cols; x++) {
                d[k++] = Math.abs(m[y * cols + x + 1] - m[y * cols + x]);
            }
        }
        Arrays.sort(d);
        double sigma = d[d.length / 2] * MAD_TO_SIGMA / Math.sqrt(2);
        double g = 0;
        for (double v : gains) {
            g += v * v;
        }
        g /= gains.length;
        double scale = 4.0 / slice.offsets() * g * sigma * sigma;
        double[] p = new double[m.length];
        for (int i = 0; i < p.length; i++) {
            double mm = Math.max(m[i], 1e-12);
            p[i] = scale / (mm * mm);
        }
        return BoxFilter.mean(p, rows, cols, r);
    }
}
