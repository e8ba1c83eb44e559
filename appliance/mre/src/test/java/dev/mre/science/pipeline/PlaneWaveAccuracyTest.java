// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.MreExam;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.sim.SimulatedAcquisition;
import dev.mre.science.sim.Waves;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Full chain on simulated acquisitions of plane waves, 256x256 at 1.5625 mm, 60 Hz, 4 offsets.
 * Tolerance 5% (issue 4); the expected error is the 3-point bias (kh)^2/12 (under 1% for 1 kPa
 * at these pixels) plus noise.
 */
class PlaneWaveAccuracyTest {
    static final int N = 256;
    static final double H = 1.5625e-3;

    @ParameterizedTest(name = "{0} kPa, noise {1}, wraps {2}")
    @CsvSource({
        "1, 0, false", "2, 0, false", "3, 0, false", "5, 0, false", "8, 0, false",
        "1, 0.05, true", "2, 0.05, true", "3, 0.05, true", "5, 0.05, true", "8, 0.05, true"})
    void homogeneousPlaneWaveMedianModulusIsWithinFivePercentForBothMethods(double kPa, double noise, boolean wraps) {
        double[][] u = Waves.planeWaves(N, N, H, 60, kPa * 1000, 0, 2.0, new double[] {0.4}, new double[] {0});
        double[] bg = wraps ? SimulatedAcquisition.ramp(N, N, 6) : null;
        MreExam exam = new SimulatedAcquisition(4, null, noise, bg, wraps, 7).exam(N, N, H, 60, u, 1);
        SliceResult r = PhysicsPipeline.run(exam, InversionConfig.defaults()).get(0);
        double masked = r.confidence().maskedPixels() / (double) (N * N);
        for (InversionMethod m : InversionMethod.values()) {
            double g = r.medianInMask(m);
            double iqr = interquartileRange(r.maps().get(m).values()) / kPa;
            System.out.printf("plane %.0f kPa noise %.2f wraps %s %s: median %.4f kPa (%+.2f%%), mask %.0f%%, all-pixel IQR %.1f%%%n",
                    kPa, noise, wraps, m, g, 100 * (g / kPa - 1), 100 * masked, 100 * iqr);
            assertEquals(kPa, g, 0.05 * kPa, m + " median |G*| within 5%");
        }
        assertTrue(masked > 0.5, "most of a clean homogeneous field is confident: " + masked);
    }

    private static double interquartileRange(float[] v) {
        double[] d = java.util.Arrays.stream(toDoubles(v)).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return d[3 * d.length / 4] - d[d.length / 4];
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
