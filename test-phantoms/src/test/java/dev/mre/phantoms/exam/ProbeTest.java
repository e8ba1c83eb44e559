// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import dev.mre.phantoms.anatomy.*;
import dev.mre.phantoms.physics.*;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        AnatomicalPhantom p = AnatomicalPhantom.draw(7, FibrosisStage.F2, Double.NaN);
        SliceModel m = p.slice(128, 128, 400.0 / 128, 0, 0, 0);
        for (int variant = 0; variant < 4; variant++) {
            float[] g1 = m.storagePa().clone();
            float[] g2 = m.lossPa().clone();
            for (int k = 0; k < g1.length; k++) {
                Tissue t = m.tissue(k);
                if ((variant & 1) != 0 && t == Tissue.BONE) { g1[k] = 20000; g2[k] = 4000; }
                if ((variant & 2) != 0 && (t == Tissue.VESSEL || t == Tissue.GALLBLADDER)) { g1[k] = 1000; g2[k] = 1000; }
            }
            SliceModel v = new SliceModel(m.nx(), m.ny(), m.pixelMm(), m.labels(), g1, g2, m.force(), m.roi());
            for (double beta : new double[] {0.8, 1.5}) {
                long t0 = System.nanoTime();
                try {
                    WaveField u = WaveSolver.solve(v.medium(), v.force(), SolverConfig.defaults().withShift(beta));
                    System.out.printf("variant %d beta %.1f it %d %.2fs%n", variant, beta, u.iterations(), (System.nanoTime() - t0) / 1e9);
                } catch (IllegalStateException e) {
                    System.out.printf("variant %d beta %.1f FAIL %s%n", variant, beta, e.getMessage());
                }
            }
        }
    }
}
