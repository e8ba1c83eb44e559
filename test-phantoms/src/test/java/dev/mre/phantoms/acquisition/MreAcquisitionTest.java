// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.physics.WaveField;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MreAcquisitionTest {

    /** A uniform gel slice with a prescribed wave U = A e^{i kx}, no solver involved. */
    private static AcquiredSlice acquire(double peakUm, double snr, int offsets) {
        SliceModel m = BlockPhantoms.homogeneous(64, 64, 2.0, 3.0, 0.1);
        double[] v = new double[2 * 64 * 64];
        for (int k = 0; k < 64 * 64; k++) {
            double ph = 2 * Math.PI * (k % 64) / 16.0;
            v[2 * k] = Math.cos(ph);
            v[2 * k + 1] = Math.sin(ph);
        }
        AcquisitionConfig cfg = new AcquisitionConfig(offsets, 10.0, peakUm, snr, 0.0, 0.0);
        return MreAcquisition.acquire(m, new WaveField(64, 64, v, 0, 0), cfg, new SplittableRandom(1));
    }

    @Test
    void firstTemporalHarmonicOfThePhaseIsHalfNTimesTheWaveOverTheEncoding() {
        for (int n = 3; n <= 8; n++) {
            AcquiredSlice a = acquire(20.0, 1e6, n); // 2 rad peak: no wrapping, negligible noise
            int k = 64 * 10 + 5;
            double re = 0;
            double im = 0;
            for (int o = 0; o < n; o++) {
                re += a.phaseRad()[o][k] * Math.cos(2 * Math.PI * o / n);
                im -= a.phaseRad()[o][k] * Math.sin(2 * Math.PI * o / n);
            }
            // tolerance 1e-4 rad: float32 phases and 1e-6 relative noise
            assertEquals(n / 2.0 * a.waveUm()[2 * k] / 10.0, re, 1e-4, "N=" + n);
            assertEquals(n / 2.0 * a.waveUm()[2 * k + 1] / 10.0, im, 1e-4, "N=" + n);
        }
    }

    @Test
    void phaseWrapsIntoMinusPiToPiWhenTheDisplacementExceedsPiRadians() {
        AcquiredSlice a = acquire(60.0, 1e6, 4); // 6 rad peak
        float max = 0;
        boolean wrapped = false;
        for (int k = 0; k < 64 * 64; k++) {
            max = Math.max(max, Math.abs(a.phaseRad()[0][k]));
            double truth = a.waveUm()[2 * k] / 10.0;
            wrapped |= Math.abs(truth) > Math.PI && Math.abs(a.phaseRad()[0][k] - truth) > 6;
        }
        assertTrue(max <= Math.PI + 1e-6f);
        assertTrue(wrapped);
    }

    @Test
    void noiseStandardDeviationMatchesTheRequestedSnrWithin5Percent() {
        AcquiredSlice a = acquire(1e-3, 20.0, 4);
        // high-SNR Rician magnitude is about Gaussian with the channel sigma; 4096 samples give ~2% error
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int y = 30; y < 34; y++) {
            for (int x = 0; x < 64; x++) {
                for (int o = 0; o < 4; o++) {
                    double v = a.magnitude()[o][y * 64 + x];
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        assertEquals(a.noiseSigma(), sd, 0.05 * a.noiseSigma());
    }
}
