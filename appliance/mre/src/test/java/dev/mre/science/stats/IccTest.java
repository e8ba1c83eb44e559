// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

import static dev.mre.science.stats.ScipyOracle.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ICC(A,1) against an independent numpy computation (sums of squares from the total, interval via
 * scipy.stats.f.ppf) on pseudo-random tables of several shapes, and against Shrout &amp; Fleiss's
 * published example. Tolerance 1e-9 relative plus 1e-12 absolute (bounds can be near 0).
 */
class IccTest {
    /** Shrout &amp; Fleiss (1979), Table 2: 6 targets rated by 4 judges. */
    static final double[][] SHROUT_FLEISS = {
        {9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7},
    };
    /** seed, n, k, noise (kPa): paper-like 20 x 2 first, then other shapes and a poor-agreement table. */
    static final double[][] CASES = {
        {1, 20, 2, 0.25}, {2, 20, 2, 0.6}, {3, 6, 3, 0.3}, {4, 50, 4, 0.4}, {5, 83, 2, 0.2},
        {6, 228, 2, 0.35}, {7, 10, 2, 3.0}, {8, 5, 6, 0.1},
    };
    static final double[] LEVELS = {0.95, 0.95, 0.90, 0.95, 0.95, 0.99, 0.95, 0.95};
    static Map<String, Map<String, Double>> scipy;

    @BeforeAll
    static void askScipy() throws Exception {
        ScipyOracle oracle = new ScipyOracle();
        for (int c = 0; c < CASES.length; c++) {
            double[][] x = table(c);
            double[] head = {x.length, x[0].length, LEVELS[c]};
            oracle.ask("icc", "case" + c, Datasets.concat(head, Datasets.flatten(x)));
        }
        oracle.ask("icc", "sf", Datasets.concat(new double[] {6, 4, 0.95}, Datasets.flatten(SHROUT_FLEISS)));
        scipy = oracle.run();
    }

    static double[][] table(int c) {
        return Datasets.ratings((long) CASES[c][0], (int) CASES[c][1], (int) CASES[c][2], CASES[c][3]);
    }

    @Test
    void matchesNumpyAndScipyOnEveryShape() {
        for (int c = 0; c < CASES.length; c++) {
            IccResult r = Icc.agreementSingle(table(c), LEVELS[c]);
            assertMatches(scipy.get("case" + c), r, "case " + c);
            assertTrue(r.lower() < r.icc() && r.icc() < r.upper(), "interval brackets the estimate, case " + c);
        }
    }

    @Test
    void reproducesShroutAndFleissTable() {
        IccResult r = Icc.agreementSingle(SHROUT_FLEISS);
        // Published: BMS 11.24, JMS 32.49, EMS 1.02, ICC(2,1) 0.29.
        assertEquals(11.24, r.msRows(), 0.005);
        assertEquals(32.49, r.msColumns(), 0.005);
        assertEquals(1.02, r.msError(), 0.005);
        assertEquals(0.29, r.icc(), 0.005);
        assertMatches(scipy.get("sf"), r, "Shrout-Fleiss");
    }

    @Test
    void reproducesPingouinsPublishedWineExample() {
        // pingouin.intraclass_corr docs (data from real-statistics.com): 8 wines x 4 judges,
        // ICC2 "Single random raters" 0.728, CI95% [0.43, 0.93].
        double[][] wine = {{1, 2, 0, 1}, {1, 3, 3, 2}, {3, 8, 1, 4}, {6, 4, 3, 3}, {6, 5, 5, 6}, {7, 5, 6, 2}, {8, 7, 7, 9}, {9, 9, 9, 8}};
        IccResult r = Icc.agreementSingle(wine);
        assertEquals(0.728, r.icc(), 0.0005);
        assertEquals(0.43, r.lower(), 0.005);
        assertEquals(0.93, r.upper(), 0.005);
    }

    @Test
    void constantOffsetBetweenRatersIsNotPerfectAgreementByHand() {
        // Rater 2 reads 1 higher: MSR = 8, MSC = 1.5, MSE = 0 -> ICC = 8 / (8 + 2 * 1.5 / 3) = 8/9.
        IccResult r = Icc.agreementSingle(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertEquals(8.0, r.msRows(), 1e-12);
        assertEquals(1.5, r.msColumns(), 1e-12);
        assertEquals(0.0, r.msError(), 1e-12);
        assertEquals(8.0 / 9, r.icc(), 1e-12);
    }

    @Test
    void identicalRatersGiveOneWithADegenerateInterval() {
        IccResult r = Icc.agreementSingle(new double[][] {{1, 1}, {3, 3}, {2, 2}});
        assertEquals(1, r.icc());
        assertEquals(1, r.lower());
        assertEquals(1, r.upper());
    }

    @Test
    void badTablesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Icc.agreementSingle(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Icc.agreementSingle(new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> Icc.agreementSingle(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> Icc.agreementSingle(new double[][] {{1, 2}, {3, Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> Icc.agreementSingle(new double[][] {{2, 2}, {2, 2}}));
        assertThrows(IllegalArgumentException.class, () -> Icc.agreementSingle(new double[][] {{1, 2}, {3, 5}}, 1.0));
    }

    private static void assertMatches(Map<String, Double> expected, IccResult r, String what) {
        assertClose(expected.get("icc"), r.icc(), 1e-9, 1e-12, what + " icc");
        assertClose(expected.get("lower"), r.lower(), 1e-9, 1e-12, what + " lower");
        assertClose(expected.get("upper"), r.upper(), 1e-9, 1e-12, what + " upper");
        assertClose(expected.get("msr"), r.msRows(), 1e-9, 1e-12, what + " MSR");
        assertClose(expected.get("msc"), r.msColumns(), 1e-9, 1e-12, what + " MSC");
        assertClose(expected.get("mse"), r.msError(), 1e-9, 1e-12, what + " MSE");
    }
}
