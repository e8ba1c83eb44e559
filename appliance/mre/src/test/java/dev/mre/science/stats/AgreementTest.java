// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

import static dev.mre.science.stats.ScipyOracle.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bland-Altman (plain and percent) and MAPD against numpy (mean, std with ddof=1) on pseudo-random
 * pairs, plus a hand-computed case. Tolerance 1e-9 relative plus 1e-12 absolute: a bias of two
 * nearly unbiased methods is a difference of sums that is zero up to rounding.
 */
class AgreementTest {
    static final double[][] CASES = {{21, 2, 0.3}, {22, 20, 0.25}, {23, 83, 0.5}, {24, 228, 0.1}};
    static Map<String, Map<String, Double>> numpy;

    @BeforeAll
    static void askNumpy() throws Exception {
        ScipyOracle oracle = new ScipyOracle();
        for (int c = 0; c < CASES.length; c++) {
            double[][] x = pairs(c);
            oracle.ask("agree", "case" + c, Datasets.concat(new double[] {x.length},
                    Datasets.concat(Datasets.column(x, 0), Datasets.column(x, 1))));
        }
        numpy = oracle.run();
    }

    static double[][] pairs(int c) {
        return Datasets.ratings((long) CASES[c][0], (int) CASES[c][1], 2, CASES[c][2]);
    }

    @Test
    void matchesNumpy() {
        for (int c = 0; c < CASES.length; c++) {
            double[] a = Datasets.column(pairs(c), 0);
            double[] b = Datasets.column(pairs(c), 1);
            Map<String, Double> e = numpy.get("case" + c);
            BlandAltmanResult plain = Agreement.blandAltman(a, b);
            assertFalse(plain.percent());
            assertClose(e.get("bias"), plain.bias(), 1e-9, 1e-12, "bias " + c);
            assertClose(e.get("sd"), plain.sd(), 1e-9, 1e-12, "sd " + c);
            assertClose(e.get("lower"), plain.lower(), 1e-9, 1e-12, "lower " + c);
            assertClose(e.get("upper"), plain.upper(), 1e-9, 1e-12, "upper " + c);
            BlandAltmanResult pct = Agreement.blandAltmanPercent(a, b);
            assertTrue(pct.percent());
            assertClose(e.get("pbias"), pct.bias(), 1e-9, 1e-10, "percent bias " + c);
            assertClose(e.get("psd"), pct.sd(), 1e-9, 1e-10, "percent sd " + c);
            assertClose(e.get("plower"), pct.lower(), 1e-9, 1e-10, "percent lower " + c);
            assertClose(e.get("pupper"), pct.upper(), 1e-9, 1e-10, "percent upper " + c);
            assertClose(e.get("mapd"), Agreement.meanAbsolutePercentDeviation(a, b), 1e-9, 0, "MAPD " + c);
        }
    }

    @Test
    void handComputedCase() {
        // Differences 1, -1, 3: bias 1, SD 2, limits 1 -+ 3.92.
        BlandAltmanResult r = Agreement.blandAltman(new double[] {3, 4, 8}, new double[] {2, 5, 5});
        assertEquals(3, r.n());
        assertEquals(1, r.bias(), 1e-15);
        assertEquals(2, r.sd(), 1e-15);
        assertEquals(-2.92, r.lower(), 1e-12);
        assertEquals(4.92, r.upper(), 1e-12);
        // |3-2|/2, |4-5|/5, |8-5|/5 -> (50 + 20 + 60) / 3 percent.
        assertEquals(130.0 / 3, Agreement.meanAbsolutePercentDeviation(new double[] {3, 4, 8}, new double[] {2, 5, 5}), 1e-12);
        // Percent differences of (3, 1) and (1, 3): +100 and -100 -> bias 0, SD 141.42.
        BlandAltmanResult p = Agreement.blandAltmanPercent(new double[] {3, 1}, new double[] {1, 3});
        assertEquals(0, p.bias(), 1e-12);
        assertEquals(100 * Math.sqrt(2), p.sd(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Agreement.blandAltman(new double[] {1}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Agreement.blandAltman(new double[] {1, 2}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Agreement.blandAltmanPercent(new double[] {1, -2}, new double[] {2, 2}));
        assertThrows(IllegalArgumentException.class, () -> Agreement.meanAbsolutePercentDeviation(new double[] {1, 2}, new double[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> Agreement.meanAbsolutePercentDeviation(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 2}));
    }
}
