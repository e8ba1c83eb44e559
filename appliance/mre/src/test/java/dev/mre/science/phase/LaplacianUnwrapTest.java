// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaplacianUnwrapTest {

    @ParameterizedTest(name = "{0}x{1}, noise {2} rad")
    @CsvSource({"64, 64, 0", "256, 204, 0", "128, 96, 0.3"})
    void aPhaseWithManyWrapsIsRecoveredExactlyUpToOneMultipleOfTwoPi(int rows, int cols, double noise) {
        Random rnd = new Random(3);
        double[] truth = new double[rows * cols];
        double[] wrapped = new double[rows * cols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                double u = (x - cols / 2.0) / cols;
                double v = (y - rows / 2.0) / rows;
                // a bowl plus a wave: min(rows, cols) / 4 pi wraps centre to edge (5 to 16), steepest step ~1.5 rad/pixel
                double p = Math.min(rows, cols) * (u * u + v * v) + 3 * Math.sin(20 * u) * Math.cos(15 * v) + noise * rnd.nextGaussian();
                truth[y * cols + x] = p;
                wrapped[y * cols + x] = Wrap.wrap(p);
            }
        }
        double[] un = LaplacianUnwrap.unwrap(wrapped, rows, cols);
        double offset = un[0] - truth[0];
        assertEquals(0, Wrap.wrap(offset), 1e-9, "the global offset is a multiple of 2 pi");
        int wrong = 0;
        for (int i = 0; i < un.length; i++) {
            if (Math.abs(un[i] - truth[i] - offset) > 1e-6) {
                wrong++;
            }
        }
        // exact wherever no noise residue sits; residues at 0.3 rad noise are rare
        assertTrue(wrong <= un.length / 1000, wrong + " pixels off by a multiple of 2 pi");
    }
}
