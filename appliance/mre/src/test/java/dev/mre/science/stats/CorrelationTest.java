// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

import static dev.mre.science.stats.ScipyOracle.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pearson r, p and Fisher-z interval against scipy.stats.pearsonr (its own beta-distribution
 * p-value and confidence_interval()) on pseudo-random pairs. Tolerance 1e-9 relative; p-values
 * below 1e-300 underflow differently, so p gets an absolute 1e-300 as well.
 */
class CorrelationTest {
    /** seed, n, noise: n = 4 (smallest allowed), the paper sizes 20, 83 and 228, and a weak one. */
    static final double[][] CASES = {{11, 4, 0.5}, {12, 20, 0.25}, {13, 20, 2.5}, {14, 83, 0.2}, {15, 228, 0.4}, {16, 30, 6}};
    static final double[] LEVELS = {0.95, 0.95, 0.9, 0.95, 0.99, 0.95};
    static Map<String, Map<String, Double>> scipy;

    @BeforeAll
    static void askScipy() throws Exception {
        ScipyOracle oracle = new ScipyOracle();
        for (int c = 0; c < CASES.length; c++) {
            double[][] x = pairs(c);
            double[] head = {LEVELS[c], x.length};
            oracle.ask("pearson", "case" + c, Datasets.concat(head, Datasets.concat(Datasets.column(x, 0), Datasets.column(x, 1))));
        }
        scipy = oracle.run();
    }

    static double[][] pairs(int c) {
        double[][] x = Datasets.ratings((long) CASES[c][0], (int) CASES[c][1], 2, CASES[c][2]);
        if (c == CASES.length - 1) {
            for (double[] row : x) {
                row[1] = -row[1]; // a negative correlation
            }
        }
        return x;
    }

    @Test
    void matchesScipyPearsonr() {
        for (int c = 0; c < CASES.length; c++) {
            double[][] x = pairs(c);
            PearsonResult r = Correlation.pearson(Datasets.column(x, 0), Datasets.column(x, 1), LEVELS[c]);
            Map<String, Double> e = scipy.get("case" + c);
            assertClose(e.get("r"), r.r(), 1e-9, 0, "r case " + c);
            assertClose(e.get("p"), r.pValue(), 1e-9, 1e-300, "p case " + c);
            assertClose(e.get("lower"), r.lower(), 1e-9, 1e-12, "lower case " + c);
            assertClose(e.get("upper"), r.upper(), 1e-9, 1e-12, "upper case " + c);
        }
    }

    @Test
    void handCheckableLine() {
        // y = 2x + 1 exactly: r = 1, p = 0, interval collapses to [1, 1].
        PearsonResult r = Correlation.pearson(new double[] {1, 2, 3, 4, 5}, new double[] {3, 5, 7, 9, 11});
        assertEquals(1, r.r(), 1e-15);
        assertEquals(0, r.pValue());
        assertEquals(1, r.lower(), 1e-12);
        // r = 0 by symmetry: p = 1 and the interval is symmetric, tanh(+-1.959964 / sqrt(2)).
        PearsonResult zero = Correlation.pearson(new double[] {-2, -1, 0, 1, 2}, new double[] {4, 1, 0, 1, 4});
        assertEquals(0, zero.r(), 1e-15);
        assertEquals(1, zero.pValue(), 1e-12);
        assertEquals(Math.tanh(1.959963984540054 / Math.sqrt(2)), zero.upper(), 1e-12);
        assertEquals(-zero.upper(), zero.lower(), 1e-12);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 2, 4}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 2, 4}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, 1, 1, 1}, new double[] {1, 2, 4, 5}));
        assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(new double[] {1, 2, 3, Double.NaN}, new double[] {1, 2, 4, 5}));
    }
}
