// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

import static dev.mre.science.stats.ScipyOracle.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dice, IoU, precision, recall and F1 against scipy.spatial.distance (dice, jaccard) and numpy
 * counts on pseudo-random masks of several sizes and densities, for boolean and byte masks; the
 * empty-mask rules by hand.
 */
class MaskOverlapTest {
    /** seed, pixels, predicted density, reference density. */
    static final double[][] CASES = {{31, 64, 0.5, 0.5}, {32, 4096, 0.3, 0.35}, {33, 65536, 0.05, 0.04}, {34, 512 * 512, 0.2, 0.2}};
    static Map<String, Map<String, Double>> scipy;

    @BeforeAll
    static void askScipy() throws Exception {
        ScipyOracle oracle = new ScipyOracle();
        for (int c = 0; c < CASES.length; c++) {
            boolean[][] m = masks(c);
            oracle.askRaw("overlap", "case" + c, List.of(bits(m[0]), bits(m[1])));
        }
        scipy = oracle.run();
    }

    /** Reference mask random; prediction agrees with it on most pixels, so the overlap is realistic. */
    static boolean[][] masks(int c) {
        SplittableRandom random = new SplittableRandom((long) CASES[c][0]);
        int n = (int) CASES[c][1];
        boolean[] predicted = new boolean[n];
        boolean[] reference = new boolean[n];
        for (int i = 0; i < n; i++) {
            reference[i] = random.nextDouble() < CASES[c][3];
            predicted[i] = random.nextDouble() < 0.8 ? reference[i] : random.nextDouble() < CASES[c][2];
        }
        return new boolean[][] {predicted, reference};
    }

    static String bits(boolean[] m) {
        StringBuilder s = new StringBuilder(m.length);
        for (boolean b : m) {
            s.append(b ? '1' : '0');
        }
        return s.toString();
    }

    static byte[] bytes(boolean[] m, byte on) {
        byte[] b = new byte[m.length];
        for (int i = 0; i < m.length; i++) {
            b[i] = m[i] ? on : 0;
        }
        return b;
    }

    @Test
    void booleanAndByteMasksMatchScipy() {
        for (int c = 0; c < CASES.length; c++) {
            boolean[][] m = masks(c);
            Map<String, Double> e = scipy.get("case" + c);
            for (OverlapResult r : List.of(MaskOverlap.of(m[0], m[1]), MaskOverlap.of(bytes(m[0], (byte) 1), bytes(m[1], (byte) -1)))) {
                assertEquals(e.get("tp").longValue(), r.truePositives(), "TP " + c);
                assertEquals(e.get("fp").longValue(), r.falsePositives(), "FP " + c);
                assertEquals(e.get("fn").longValue(), r.falseNegatives(), "FN " + c);
                assertEquals(e.get("tn").longValue(), r.trueNegatives(), "TN " + c);
                assertClose(e.get("dice"), r.dice(), 1e-12, 0, "Dice " + c);
                assertClose(e.get("iou"), r.iou(), 1e-12, 0, "IoU " + c);
                assertClose(e.get("precision"), r.precision(), 1e-12, 0, "precision " + c);
                assertClose(e.get("recall"), r.recall(), 1e-12, 0, "recall " + c);
                assertClose(e.get("f1"), r.f1(), 1e-12, 0, "F1 " + c);
                assertClose(r.dice(), r.f1(), 1e-12, 0, "F1 equals Dice " + c);
            }
        }
    }

    @Test
    void handCountedMasks() {
        // TP 2, FP 1, FN 3, TN 2: Dice 4/8, IoU 2/6, precision 2/3, recall 2/5.
        boolean[] p = {true, true, true, false, false, false, false, false};
        boolean[] r = {true, true, false, true, true, true, false, false};
        OverlapResult o = MaskOverlap.of(p, r);
        assertEquals(0.5, o.dice(), 1e-15);
        assertEquals(1.0 / 3, o.iou(), 1e-15);
        assertEquals(2.0 / 3, o.precision(), 1e-15);
        assertEquals(0.4, o.recall(), 1e-15);
        assertEquals(2, o.trueNegatives());
    }

    @Test
    void emptyMasksFollowTheDocumentedRules() {
        OverlapResult bothEmpty = MaskOverlap.of(new boolean[4], new boolean[4]);
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 1.0),
                List.of(bothEmpty.dice(), bothEmpty.iou(), bothEmpty.precision(), bothEmpty.recall(), bothEmpty.f1()));
        OverlapResult nothingPredicted = MaskOverlap.of(new boolean[4], new boolean[] {true, false, false, false});
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0), List.of(nothingPredicted.dice(), nothingPredicted.iou(),
                nothingPredicted.precision(), nothingPredicted.recall(), nothingPredicted.f1()));
        OverlapResult nothingThere = MaskOverlap.of(new byte[] {0, 3}, new byte[2]);
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0), List.of(nothingThere.dice(), nothingThere.iou(),
                nothingThere.precision(), nothingThere.recall(), nothingThere.f1()));
        OverlapResult zeroLength = MaskOverlap.of(new boolean[0], new boolean[0]);
        assertEquals(1.0, zeroLength.dice());
    }

    @Test
    void differentLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MaskOverlap.of(new boolean[3], new boolean[4]));
        assertThrows(IllegalArgumentException.class, () -> MaskOverlap.of(new byte[3], new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> MaskOverlap.fromCounts(-1, 0, 0, 0));
    }
}
