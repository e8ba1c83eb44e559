// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.MapStatistics;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.Quantity;
import dev.mre.science.SliceResult;
import dev.mre.science.sim.SimulatedAcquisition;
import dev.mre.science.sim.Waves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Full chain on superposed, viscous and non-square fields at clinical noise (0.05 rad), 60 Hz.
 * Tolerance 5% on |G*| (issue 4); G' and G'' for AHI within 5% of |G*|.
 */
class AnalyticFieldsTest {
    static final double H = 1.5625e-3;

    @Test
    void superposedPlaneWavesFromSixDirectionsGiveTheTrueModulus() {
        double[][] u = Waves.planeWaves(256, 256, H, 60, 2500, 0, 1.0,
                new double[] {0.1, 1.0, 1.9, 2.9, 4.0, 5.2}, new double[] {0, 2.1, 0.7, 4.4, 3.3, 1.2});
        SliceResult r = run(u, 256, 256, 4);
        check(r, 2.5, "superposed 2.5 kPa");
    }

    @Test
    void viscousWaveGivesStorageAndLossModuliWithAhi() {
        double gp = 3.0;
        double gpp = 1.0;
        // enters at the left edge with 3 rad and decays (e-fold 29 mm) into the noise: the mask must
        // keep the wave and drop the noise-dominated tail
        double[][] u = Waves.planeWaves(128, 256, H, 60, gp * 1000, gpp * 1000, 3.0,
                new double[] {0}, new double[] {0});
        SliceResult r = run(u, 128, 256, 4);
        double mag = Math.hypot(gp, gpp);
        check(r, mag, "viscous 3+1i kPa");
        var ahi = r.maps().get(InversionMethod.AHI);
        double sp = MapStatistics.medianInMask(ahi.storage(), r.confidence().mask());
        double ls = MapStatistics.medianInMask(ahi.loss(), r.confidence().mask());
        System.out.printf("viscous AHI G' %.3f (truth %.1f), G'' %.3f (truth %.1f)%n", sp, gp, ls, gpp);
        assertEquals(gp, sp, 0.05 * mag);
        assertEquals(gpp, ls, 0.05 * mag);
    }

    @ParameterizedTest(name = "{0}x{1}, {2} offsets")
    @CsvSource({"256, 204, 4", "204, 256, 3", "256, 256, 8", "96, 80, 4"})
    void nonSquareMatricesAndThreeToEightOffsetsWork(int rows, int cols, int offsets) {
        double[][] u = Waves.planeWaves(rows, cols, H, 60, 3000, 0, 2.0, new double[] {0.7}, new double[] {0});
        check(run(u, rows, cols, offsets), 3.0, rows + "x" + cols + " N=" + offsets);
    }

    private static SliceResult run(double[][] u, int rows, int cols, int offsets) {
        var exam = new SimulatedAcquisition(offsets, null, 0.05, SimulatedAcquisition.ramp(rows, cols, 5), true, 5)
                .exam(rows, cols, H, 60, u, 1);
        return PhysicsPipeline.run(exam, InversionConfig.defaults()).get(0);
    }

    private static void check(SliceResult r, double truth, String what) {
        for (InversionMethod m : InversionMethod.values()) {
            assertEquals(Quantity.COMPLEX_MODULUS_MAGNITUDE, r.maps().get(m).quantity());
            double g = r.medianInMask(m);
            System.out.printf("%s %s: median |G*| %.4f kPa, truth %.4f (%+.2f%%), mask %d px%n",
                    what, m, g, truth, 100 * (g / truth - 1), r.confidence().maskedPixels());
            assertEquals(truth, g, 0.05 * truth, what + " " + m);
        }
    }
}
