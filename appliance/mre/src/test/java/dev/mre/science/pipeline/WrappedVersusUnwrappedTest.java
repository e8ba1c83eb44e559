// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.sim.SimulatedAcquisition;
import dev.mre.science.sim.Waves;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same acquisition (same noise), stored once wrapped on top of a steep background and once never
 * wrapped: the results must agree within 2% (issue 4). Expected agreement is far better, since
 * the unwrapping is exact wherever no noise residue sits.
 */
class WrappedVersusUnwrappedTest {

    @ParameterizedTest(name = "noise {0} rad")
    @ValueSource(doubles = {0.0, 0.05, 0.15})
    void wrappingAndNoiseLeaveTheMedianModulusUnchangedWithinTwoPercent(double noise) {
        int n = 256;
        double h = 1.5625e-3;
        // superposed elastic waves, 3 kPa, amplitude 3 rad each: the wave alone wraps several times
        double[][] u = Waves.planeWaves(n, n, h, 60, 3000, 0, 3.0,
                new double[] {0.3, 2.0, 4.1}, new double[] {0, 1, 2});
        double[] bg = SimulatedAcquisition.ramp(n, n, 8);
        var wrapped = new SimulatedAcquisition(4, null, noise, bg, true, 11).exam(n, n, h, 60, u, 1);
        var continuous = new SimulatedAcquisition(4, null, noise, bg, false, 11).exam(n, n, h, 60, u, 1);
        SliceResult a = PhysicsPipeline.run(wrapped, InversionConfig.defaults()).get(0);
        SliceResult b = PhysicsPipeline.run(continuous, InversionConfig.defaults()).get(0);
        for (InversionMethod m : InversionMethod.values()) {
            double ga = a.medianInMask(m);
            double gb = b.medianInMask(m);
            System.out.printf("noise %.2f %s: wrapped %.4f kPa, never wrapped %.4f kPa (%+.3f%%)%n",
                    noise, m, ga, gb, 100 * (ga / gb - 1));
            assertEquals(gb, ga, 0.02 * gb, m + ": wrapped within 2% of never wrapped");
            assertEquals(3.0, gb, 0.15, m + ": and both right, within 5%");
        }
    }
}
