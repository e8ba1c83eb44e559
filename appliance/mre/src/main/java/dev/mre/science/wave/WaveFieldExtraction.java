// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.wave;

import dev.mre.science.InversionConfig;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.WaveField;
import dev.mre.science.fft.Dct;
import dev.mre.science.grid.BoxFilter;
import dev.mre.science.phase.TemporalUnwrap;
import dev.mre.science.phase.Wrap;

/**
 * Step: one slice's stored phase images to its filtered first-harmonic wave field.
 *
 * <p>Chain: stored units to radians (wrapped), unwrapping over the pixels with signal
 * ({@link SignalMask}) through the temporal steps ({@link TemporalUnwrap}: a Laplacian unwrap only
 * for a step that exceeds pi somewhere; the static phase cancels from every bin but 0), temporal bin 1,
 * Butterworth band-pass in the DCT domain (mirror boundaries, so no edge ringing). The noise power
 * of U is measured, not assumed: with 4 or more offsets, bin 2 (which a sinusoidal drive does not
 * excite) goes through the same filter and its local mean square is the noise power; with 3 offsets
 * it is derived from the magnitude image (phase noise = magnitude noise / magnitude).
 */
public final class WaveFieldExtraction {
    private static final double TWO_PI = 2 * Math.PI;
    private static final int SUBSAMPLE = 23; // median of every 23rd pixel: plenty for a 2 pi decision
    private WaveFieldExtraction() {
    }

    /** The wave field of {@code slice}, geometry and scaling taken from {@code exam}. */
    public static WaveField extract(MreExam exam, MreSlice slice, InversionConfig config) {
        int rows = exam.rows();
        int cols = exam.cols();
        int n = slice.offsets();
        boolean[] valid = SignalMask.of(slice, config.signalFraction());
        double[][] wrapped = new double[n][];
        for (int t = 0; t < n; t++) {
            float[] stored = slice.phase()[t];
            double[] phi = new double[stored.length];
            for (int i = 0; i < phi.length; i++) {
                phi[i] = Wrap.wrap(exam.phaseScaling().toRadians(stored[i]));
            }
            wrapped[t] = phi;
        }
        double[][] unwrapped = TemporalUnwrap.relative(wrapped, rows, cols, valid).phase();
        alignTurns(unwrapped, valid);
        double[] gains = Butterworth.dctGainsShared(rows, cols, exam.rowSpacingM(), exam.colSpacingM(), config);
        double[][] u = Harmonics.bin(unwrapped, 1);
        filter(u[0], gains, rows, cols);
        filter(u[1], gains, rows, cols);
        double[] noisePower;
        if (n >= 4) {
            double[][] b = Harmonics.bin(unwrapped, 2);
            filter(b[0], gains, rows, cols);
            double[] p = new double[b[0].length];
            if (n == 4) { // bin 2 is real for N = 4
                for (int i = 0; i < p.length; i++) {
                    p[i] = b[0][i] * b[0][i];
                }
            } else {
                filter(b[1], gains, rows, cols);
                for (int i = 0; i < p.length; i++) {
                    p[i] = b[0][i] * b[0][i] + b[1][i] * b[1][i];
                }
            }
            noisePower = BoxFilter.mean(p, rows, cols, config.windowRadius());
        } else {
            noisePower = MagnitudeNoise.filteredPhaseNoisePower(slice, gains, config.windowRadius(), rows, cols);
        }
        return new WaveField(rows, cols, exam.rowSpacingM(), exam.colSpacingM(), exam.frequencyHz(),
                u[0], u[1], noisePower);
    }

    /**
     * Each offset is unwrapped up to its own multiple of 2 pi; a different multiple per offset would
     * put a constant into bin 1. Shift offset n by the multiple of 2 pi nearest to the median over
     * signal pixels of (phase_n - phase_0): the motion between offsets is a wave whose median over
     * the image is far below pi.
     */
    static void alignTurns(double[][] unwrapped, boolean[] valid) {
        double[] d = new double[unwrapped[0].length / SUBSAMPLE + 1];
        for (int t = 1; t < unwrapped.length; t++) {
            int m = 0;
            for (int i = 0; i < valid.length; i += SUBSAMPLE) {
                if (valid[i]) {
                    d[m++] = unwrapped[t][i] - unwrapped[0][i];
                }
            }
            if (m == 0) {
                continue;
            }
            java.util.Arrays.sort(d, 0, m);
            double shift = TWO_PI * Math.rint(d[m / 2] / TWO_PI);
            for (int i = 0; i < unwrapped[t].length; i++) {
                unwrapped[t][i] -= shift;
            }
        }
    }

    private static void filter(double[] img, double[] gains, int rows, int cols) {
        Dct.filter2d(img, rows, cols, gains);
    }
}
