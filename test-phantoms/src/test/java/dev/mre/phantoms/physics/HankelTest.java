// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The oracle itself is checked against tabulated Bessel values (Abramowitz &amp; Stegun tables 9.1, 9.8). */
class HankelTest {

    /** Tables give 10 significant digits; 2e-9 relative to |H| allows the last digit's rounding. */
    private static final double TAB = 1e-9;

    @Test
    void realArgumentsMatchTabulatedJ0AndY0() {
        check(1.0, 0.0, 0.7651976866, -0.0882569642);
        check(5.0, 0.0, -0.1775967713, 0.3085176252);
        check(10.0, 0.0, -0.2459357645, -0.0556711673);
        check(2.5, 0.0, -0.0483837765, -0.4980703596);
    }

    @Test
    void negativeImaginaryArgumentsMatchModifiedBesselK0() {
        // H0^(2)(-ix) = (2i/pi) K0(x); K0(1) = 0.4210244382, K0(10) = 1.778006232e-5
        check(0.0, -1.0, 0.0, 2 / Math.PI * 0.4210244382);
        check(0.0, -10.0, 0.0, 2 / Math.PI * 1.778006232e-5);
    }

    /**
     * Lossy tissue puts kr at arg between about -0.25 (G''/G' = 0.5) and 0. At |z| = 8 the series
     * loses about e^{|Im z|} * 1e-16 to cancellation, so 2e-8 relative is the honest bound up to
     * arg -1.
     */
    @Test
    void seriesAndAsymptoticAgreeWhereTheyMeetForLossyArguments() {
        for (double arg = -1.0; arg <= 0.01; arg += 0.1) {
            double zr = 8.0 * Math.cos(arg);
            double zi = 8.0 * Math.sin(arg);
            double[] s = Hankel.series(zr, zi);
            double[] a = Hankel.asymptotic(zr, zi);
            double scale = Math.hypot(s[0], s[1]);
            assertEquals(0, Math.hypot(s[0] - a[0], s[1] - a[1]) / scale, 2e-8, "arg " + arg);
        }
    }

    private static void check(double zr, double zi, double re, double im) {
        double[] h = Hankel.h02(zr, zi);
        double tol = 2 * TAB * Math.hypot(re, im);
        assertEquals(re, h[0], tol, "Re H0(2)(" + zr + "," + zi + ")");
        assertEquals(im, h[1], tol, "Im H0(2)(" + zr + "," + zi + ")");
    }
}
