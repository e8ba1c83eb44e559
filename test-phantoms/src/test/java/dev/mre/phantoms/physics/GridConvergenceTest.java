// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Grid convergence on a heterogeneous medium (the physics of the inclusion phantom): a 120 mm
 * square of 3 kPa background with a 10 kPa inclusion of 20 mm diameter, G''/G' = 0.3, a smooth
 * Gaussian line source near the top edge. Solved at h = 2, 1 and 0.5 mm; the coarser solutions
 * are compared with the finer on shared nodes. Tolerance: halving the step from 1 to 0.5 mm changes
 * the field by less than 2% (relative L2 over the interior); and the change must shrink by at least
 * 2.5x from (2 to 1 mm) to (1 to 0.5 mm), since the scheme is second order (4x ideal; the jump of G
 * at the inclusion edge, staircased, costs some order).
 */
class GridConvergenceTest {
    private static final double L = 0.120;

    @Test
    void halvingTheGridStepChangesTheFieldByLessThan2Percent() {
        WaveField u2 = solve(2e-3);
        WaveField u1 = solve(1e-3);
        WaveField u05 = solve(0.5e-3);
        double d21 = difference(u2, u1);
        double d105 = difference(u1, u05);
        System.out.printf("grid convergence: change 2->1 mm %.3f%%, 1->0.5 mm %.3f%%, ratio %.2f%n",
                100 * d21, 100 * d105, d21 / d105);
        assertTrue(d105 < 0.02, "1 -> 0.5 mm change " + d105);
        assertTrue(d21 / d105 > 2.5, "convergence ratio " + d21 / d105);
    }

    private static WaveField solve(double h) {
        int n = (int) Math.round(L / h) + 1;
        Medium m = Medium.homogeneous(n, n, h, h, 3000, 900);
        double cx = 0.060;
        double cy = 0.070;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (Math.hypot(x * h - cx, y * h - cy) < 0.010) {
                    m.storage()[y * n + x] = 10000;
                    m.loss()[y * n + x] = 3000;
                }
            }
        }
        double[] f = new double[2 * n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dy = (y * h - 0.010) / 2e-3;
                double dx = (x * h - 0.060) / 25e-3;
                f[2 * (y * n + x)] = Math.exp(-dy * dy - dx * dx) * 1e3;
            }
        }
        SolverConfig cfg = SolverConfig.defaults().withPml((int) Math.round(20 * 1.5625e-3 / h));
        return WaveSolver.solve(m, f, cfg);
    }

    /** Relative L2 difference on the coarse grid's nodes, 10 mm away from the edges. */
    private static double difference(WaveField coarse, WaveField fine) {
        int ratio = (fine.nx() - 1) / (coarse.nx() - 1);
        int margin = (int) Math.round(0.010 / (L / (coarse.nx() - 1)));
        double num = 0;
        double den = 0;
        for (int y = margin; y < coarse.ny() - margin; y++) {
            for (int x = margin; x < coarse.nx() - margin; x++) {
                double dr = coarse.re(x, y) - fine.re(ratio * x, ratio * y);
                double di = coarse.im(x, y) - fine.im(ratio * x, ratio * y);
                num += dr * dr + di * di;
                den += fine.re(ratio * x, ratio * y) * fine.re(ratio * x, ratio * y)
                        + fine.im(ratio * x, ratio * y) * fine.im(ratio * x, ratio * y);
            }
        }
        return Math.sqrt(num / den);
    }
}
