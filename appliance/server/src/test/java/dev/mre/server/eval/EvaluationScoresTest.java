// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.science.stats.Icc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation's own arithmetic on hand-made masks and values, checked against numbers worked out by hand. */
class EvaluationScoresTest {
    private static final double EPS = 1e-12;

    private static boolean[] mask(int length, int... set) {
        boolean[] m = new boolean[length];
        for (int i : set) {
            m[i] = true;
        }
        return m;
    }

    @Test
    void perImageDiceAveragesSlicesWhilePooledDiceSumsTheirPixels() {
        // slice 1: perfect (tp 4); slice 2: half the truth found (tp 4, fn 4): Dice 2/3, IoU 1/2
        SegmentationScore s = SegmentationScore.of(List.of(
                SegmentationScore.slice(1, "F0", mask(10, 0, 1, 2, 3), mask(10, 0, 1, 2, 3)),
                SegmentationScore.slice(2, "F1", mask(10, 0, 1, 2, 3), mask(10, 0, 1, 2, 3, 4, 5, 6, 7))));
        assertEquals((1 + 2.0 / 3) / 2, s.overall().meanDice(), EPS);
        assertEquals((1 + 0.5) / 2, s.overall().meanIou(), EPS);
        assertEquals(s.overall().meanDice(), s.overall().meanF1(), EPS);
        // pooled: tp 8, fp 0, fn 4
        assertEquals(16.0 / 20, s.overall().pooled().dice(), EPS);
        assertEquals(8.0 / 12, s.overall().pooled().iou(), EPS);
        assertEquals(2, s.overall().exams());
        assertEquals(2, s.overall().slices());
    }

    @Test
    void perStageScoresHoldOnlyTheSlicesOfThatStageInStageOrder() {
        SegmentationScore s = SegmentationScore.of(List.of(
                SegmentationScore.slice(7, "F3", mask(4, 0), mask(4, 1)),
                SegmentationScore.slice(5, "F0", mask(4, 0, 1), mask(4, 0, 1)),
                SegmentationScore.slice(5, "F0", mask(4, 2), mask(4, 2, 3))));
        assertEquals(List.of("F0", "F3"), List.copyOf(s.perStage().keySet()));
        SegmentationScore.Summary f0 = s.perStage().get("F0");
        assertEquals(1, f0.exams());
        assertEquals(2, f0.slices());
        assertEquals((1 + 2.0 / 3) / 2, f0.meanDice(), EPS);
        assertEquals(2 * 3.0 / (2 * 3 + 1), f0.pooled().dice(), EPS);
        assertEquals(0, s.perStage().get("F3").meanDice(), EPS);
    }

    @Test
    void aSliceWhereBothMasksAreEmptyCountsAsPerfectPerImageAndAddsNothingPooled() {
        SegmentationScore s = SegmentationScore.of(List.of(
                SegmentationScore.slice(1, "F0", mask(6), mask(6)),
                SegmentationScore.slice(1, "F0", mask(6, 0, 1), mask(6, 1, 2))));
        assertEquals((1 + 0.5) / 2, s.overall().meanDice(), EPS);
        assertEquals(0.5, s.overall().pooled().dice(), EPS);
    }

    private static List<StiffnessAgreement.ExamValue> values(double[] truth, double[] value, String... stages) {
        List<StiffnessAgreement.ExamValue> out = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            out.add(new StiffnessAgreement.ExamValue(i, stages[i], value[i], truth[i]));
        }
        return out;
    }

    @Test
    void stiffnessAgreementGivesMapdOverallAndPerStageAndBiasAsMethodMinusTruth() {
        double[] truth = {2, 3, 4, 5, 6};
        double[] value = {2.2, 3, 3.6, 5, 6.6};                 // 10, 0, 10, 0, 10 percent off
        StiffnessAgreement a = StiffnessAgreement.of("m", values(truth, value, "F0", "F0", "F1", "F2", "F2"));
        assertEquals(5, a.exams());
        assertEquals(0, a.excluded());
        assertEquals(6, a.mapdPercent(), 1e-9);
        assertEquals(Map.of("F0", 5.0, "F1", 10.0, "F2", 5.0).keySet(), a.mapdByStage().keySet());
        assertEquals(5, a.mapdByStage().get("F0"), 1e-9);
        assertEquals(10, a.mapdByStage().get("F1"), 1e-9);
        assertEquals(5, a.mapdByStage().get("F2"), 1e-9);
        assertEquals((0.2 + 0 - 0.4 + 0 + 0.6) / 5, a.blandAltman().bias(), 1e-12);
        double[][] table = {{2.2, 2}, {3, 3}, {3.6, 4}, {5, 5}, {6.6, 6}};
        assertEquals(Icc.agreementSingle(table).icc(), a.icc().icc(), EPS);
        assertNotNull(a.pearson());
        assertTrue(a.notes().isEmpty(), a.notes().toString());
    }

    @Test
    void anExamWithoutAValueIsLeftOutAndCountedAndTwoExamsGiveNoPearson() {
        StiffnessAgreement a = StiffnessAgreement.of("m", values(new double[] {2, 3, 4}, new double[] {2.2, Double.NaN, 4},
                "F0", "F1", "F2"));
        assertEquals(2, a.exams());
        assertEquals(1, a.excluded());
        assertEquals(5, a.mapdPercent(), 1e-9);
        assertEquals(List.of("F0", "F2"), List.copyOf(a.mapdByStage().keySet()));
        assertNull(a.pearson());
        assertNotNull(a.icc());
        assertTrue(a.notes().stream().anyMatch(n -> n.contains("at least 4 exams")), a.notes().toString());
    }
}
