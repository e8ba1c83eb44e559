// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.science.sim.SimulatedAcquisition;
import dev.mre.science.sim.Waves;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhysicsPipelineTest {

    @Test
    void everySliceGetsBothMethodsNamedAsModulusMagnitudeAndAConfidenceInZeroToOne() {
        double h = 1.5625e-3;
        double[][] u = Waves.planeWaves(64, 48, h, 60, 2000, 0, 1.0, new double[] {0.2}, new double[] {0});
        MreExam exam = new SimulatedAcquisition(4, null, 0.02, null, true, 3).exam(64, 48, h, 60, u, 3);
        List<SliceResult> results = PhysicsPipeline.run(exam, InversionConfig.defaults());
        assertEquals(3, results.size());
        for (int s = 0; s < 3; s++) {
            SliceResult r = results.get(s);
            assertEquals(s, r.sliceIndex());
            for (InversionMethod m : InversionMethod.values()) {
                StiffnessMap map = r.maps().get(m);
                assertEquals(m, map.method());
                assertEquals(Quantity.COMPLEX_MODULUS_MAGNITUDE, map.quantity());
                assertEquals("kPa", map.quantity().unit());
                assertTrue(Float.isNaN(map.values()[0]), "border pixels are undefined");
                assertFalse(Float.isNaN(map.values()[20 * 48 + 20]));
            }
            for (float c : r.confidence().confidence()) {
                assertTrue(c >= 0 && c <= 1);
            }
            assertFalse(r.confidence().mask()[0], "border never in the mask");
            assertEquals(0.95, r.confidence().threshold());
        }
    }

    @Test
    void phaseScalingFollowsTheVendorConventionItIsGiven() {
        PhaseScaling philips = PhaseScaling.fullTurn(4096, 2048); // pixel * pi / 2048 - pi
        assertEquals(-Math.PI, philips.toRadians(0), 1e-12);
        assertEquals(0, philips.toRadians(2048), 1e-12);
        assertEquals(Math.PI * 2047 / 2048, philips.toRadians(4095), 1e-12);
        assertEquals(1.5, PhaseScaling.radians().toRadians(1.5));
    }

    @Test
    void inputsThatCannotBeInvertedAreRejectedWithAReason() {
        float[][] four = new float[4][9];
        MreSlice ok = new MreSlice(0, 0, 0.008, new float[1][9], four);
        var e = assertThrows(IllegalArgumentException.class, () -> new MreSlice(0, 0, 0.008, new float[1][9], new float[2][9]));
        assertTrue(e.getMessage().contains("at least 3 phase offsets"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MreExam(3, 3, 1.5, 1.5, 60, PhaseScaling.radians(), List.of(ok)));
        assertTrue(e.getMessage().contains("metres"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MreExam(3, 4, 1.5e-3, 1.5e-3, 60, PhaseScaling.radians(), List.of(ok)));
        assertTrue(e.getMessage().contains("expected 3x4"), e.getMessage());
    }
}
