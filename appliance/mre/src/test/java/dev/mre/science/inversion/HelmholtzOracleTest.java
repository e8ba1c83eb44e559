// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mre.science.InversionConfig;
import dev.mre.science.MapStatistics;
import dev.mre.science.StiffnessMap;
import dev.mre.science.WaveField;
import dev.mre.science.sim.Waves;
import org.junit.jupiter.api.Test;

class HelmholtzOracleTest {

    @Test
    void ahiWithThreePointLaplacianOnACylindricalWaveRecoversThePrimerOracle() {
        int n = 128;
        double h = 1e-3;
        double[][] u = Waves.cylindrical(n, n, h, 60, 3000, 600, 1, 63.5, 63.5);
        WaveField w = WaveField.noiseFree(n, n, h, h, 60, u[0], u[1]);
        StiffnessMap m = AlgebraicHelmholtzInversion.invert(w, InversionConfig.defaults().withWindowRadius(0));
        double gp = 1000 * MapStatistics.medianInMask(m.storage(), null);
        double gpp = 1000 * MapStatistics.medianInMask(m.loss(), null);
        System.out.printf("cylindrical AHI per pixel: G* = %.1f + %.1fi Pa%n", gp, gpp);
        // primer oracle 3007+600i Pa; 3-point bias is (kh)^2/12 * (cos^4 + sin^4) of the local direction
        assertEquals(3007, gp, 3, "within 0.1%: discretisation bias is the only error in a noise-free field");
        assertEquals(600, gpp, 3);
    }
}
