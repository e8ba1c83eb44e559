// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.sim;

import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhaseScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test helper: simulates a 2D MRE acquisition of a known wave field. For offset n of N the
 * complex MR signal is S = M e^{i (bg + Re(U e^{2 pi i n / N}))} + s (g1 + i g2), g Gaussian;
 * the stored phase is arg S (wrapped), or, for the "never wrapped" twin, the same noisy phase
 * without wrapping; the magnitude is |S|. Phase is stored in radians.
 *
 * @param offsets    number of phase offsets N
 * @param magnitude  signal magnitude per pixel, or null for 1 everywhere
 * @param noiseSigma complex noise standard deviation per channel (relative to magnitude 1)
 * @param background static background phase (radians), or null for 0; a steep one forces wraps
 * @param wrap       store wrapped phase (true) or the continuous noisy phase (false)
 * @param seed       noise seed
 */
public record SimulatedAcquisition(int offsets, double[] magnitude, double noiseSigma, double[] background,
                                   boolean wrap, long seed) {

    /** A linear background ramp of {@code turns} full turns across the image diagonal. */
    public static double[] ramp(int rows, int cols, double turns) {
        double[] b = new double[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                b[y * cols + x] = 2 * Math.PI * turns * (x + y) / (double) (rows + cols);
            }
        }
        return b;
    }

    /** One-slice exam (or {@code slices} identical slices with independent noise) of field u. */
    public MreExam exam(int rows, int cols, double h, double freq, double[][] u, int slices) {
        Random rnd = new Random(seed);
        List<MreSlice> list = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            float[][] mag = new float[offsets][rows * cols];
            float[][] ph = new float[offsets][rows * cols];
            for (int n = 0; n < offsets; n++) {
                double a = 2 * Math.PI * n / offsets;
                double c = Math.cos(a);
                double sn = Math.sin(a);
                for (int i = 0; i < rows * cols; i++) {
                    double m = magnitude == null ? 1 : magnitude[i];
                    double phi = (background == null ? 0 : background[i]) + u[0][i] * c - u[1][i] * sn;
                    // noise in the frame of the ideal signal: S e^{-i phi} = m + noise
                    double nr = m + noiseSigma * rnd.nextGaussian();
                    double ni = noiseSigma * rnd.nextGaussian();
                    double noisy = phi + Math.atan2(ni, nr);
                    mag[n][i] = (float) Math.hypot(nr, ni);
                    ph[n][i] = (float) (wrap ? Math.atan2(Math.sin(noisy), Math.cos(noisy)) : noisy);
                }
            }
            list.add(new MreSlice(s, s * 0.01, 0.01, mag, ph));
        }
        return new MreExam(rows, cols, h, h, freq, PhaseScaling.radians(), list);
    }
}
