// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Hankel2Test {

    @Test
    void realArgumentMatchesTabulatedBesselValues() {
        // J0(1) = 0.7651976866, Y0(1) = 0.0882569642 (Abramowitz & Stegun 9.1)
        double[] h = Hankel2.h0(1, 0);
        assertEquals(0.7651976866, h[0], 1e-9);
        assertEquals(-0.0882569642, h[1], 1e-9);
        // J0(20) = 0.1670246643, Y0(20) = 0.0626405968
        h = Hankel2.h0(20, 0);
        assertEquals(0.1670246643, h[0], 1e-9);
        assertEquals(-0.0626405968, h[1], 1e-9);
    }

    @Test
    void complexArgumentsOnBothBranchesMatchScipy() {
        // scipy.special.hankel2(0, z); both branches must agree with it to 1e-10
        assertH(5, -0.5, -0.11622886689603919, 0.180740288848586);
        assertH(12, -1.2, 0.0109408490805528, 0.0682304899386295);
        assertH(30, -3, -0.0045719996323900685, 0.00560235627868896);
    }

    private static void assertH(double zr, double zi, double re, double im) {
        double[] h = Hankel2.h0(zr, zi);
        assertEquals(re, h[0], 1e-10);
        assertEquals(im, h[1], 1e-10);
    }
}
