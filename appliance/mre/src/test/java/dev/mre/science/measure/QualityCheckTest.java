// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each review flag triggering just past its threshold and not at it. */
class QualityCheckTest {
    static final QualityThresholds DEFAULTS = QualityThresholds.defaults();

    static ExamMeasurement exam(double kPa, double areaCm2, double coverage) {
        return new ExamMeasurement(kPa, areaCm2, 4, coverage, List.of());
    }

    @Test
    void aGoodExamNeedsNoReview() {
        ReviewFlags flags = QualityCheck.check(exam(3.0, 20, 0.8), exam(3.1, 20, 0.8), DEFAULTS);
        assertFalse(flags.needsReview());
        assertEquals(List.of(), flags.flags());
        assertFalse(QualityCheck.check(exam(3.0, 20, 0.8), DEFAULTS).needsReview());
    }

    @Test
    void dlPhysicsDifferenceIsRelativeToPhysicsAndTenPercentPasses() {
        // 2.5 vs 2.75 is 10% of physics (but 9.1% of DL): passes. 2.5 vs 2.76: 10.4% -> flagged.
        assertFalse(QualityCheck.check(exam(2.5, 20, 0.8), exam(2.75, 20, 0.8), DEFAULTS).needsReview());
        assertFalse(QualityCheck.check(exam(2.5, 20, 0.8), exam(2.25, 20, 0.8), DEFAULTS).needsReview());
        ReviewFlags flags = QualityCheck.check(exam(2.5, 20, 0.8), exam(2.76, 20, 0.8), DEFAULTS);
        assertEquals(1, flags.flags().size());
        assertTrue(flags.has(ReviewCode.DL_PHYSICS_DISAGREE));
        assertEquals("DL 2.76 kPa and physics 2.50 kPa differ by 10.4% of the physics value (limit 10.0%)",
                flags.flags().get(0).reason());
        assertTrue(QualityCheck.check(exam(2.5, 20, 0.8), exam(2.24, 20, 0.8), DEFAULTS).has(ReviewCode.DL_PHYSICS_DISAGREE));
        assertTrue(QualityCheck.check(exam(2.5, 20, 0.8), exam(Double.NaN, 0, 0.8), DEFAULTS).has(ReviewCode.DL_PHYSICS_DISAGREE));
    }

    @Test
    void smallRoiAreaIsFlaggedBelowFiveSquareCentimetres() {
        assertFalse(QualityCheck.check(exam(3, 5.0, 0.8), DEFAULTS).needsReview());
        ReviewFlags flags = QualityCheck.check(exam(3, 4.99, 0.8), DEFAULTS);
        assertEquals(List.of(ReviewCode.ROI_AREA_SMALL), flags.flags().stream().map(ReviewFlag::code).toList());
        assertEquals("the measured ROI covers 4.99 cm2 over 4 slice(s), below the minimum of 5.00 cm2", flags.flags().get(0).reason());
    }

    @Test
    void lowConfidenceCoverageIsFlaggedBelowThirtyPercent() {
        assertFalse(QualityCheck.check(exam(3, 20, 0.30), DEFAULTS).needsReview());
        ReviewFlags flags = QualityCheck.check(exam(3, 20, 0.29), DEFAULTS);
        assertEquals(List.of(ReviewCode.CONFIDENCE_COVERAGE_LOW), flags.flags().stream().map(ReviewFlag::code).toList());
        assertEquals("the confidence mask covers 29% of the liver, below the minimum of 30%", flags.flags().get(0).reason());
        assertTrue(QualityCheck.check(exam(3, 20, Double.NaN), DEFAULTS).has(ReviewCode.CONFIDENCE_COVERAGE_LOW));
    }

    @Test
    void noMeasurementRaisesItsOwnFlagAndSkipsTheComparison() {
        ReviewFlags flags = QualityCheck.check(exam(Double.NaN, 0, 0.5), exam(3, 20, 0.5), DEFAULTS);
        assertEquals(List.of(ReviewCode.NO_MEASUREMENT, ReviewCode.ROI_AREA_SMALL),
                flags.flags().stream().map(ReviewFlag::code).toList());
    }

    @Test
    void thresholdsAreConfigurable() {
        QualityThresholds strict = new QualityThresholds(0.05, 30, 0.9);
        ReviewFlags flags = QualityCheck.check(exam(3.0, 20, 0.8), exam(3.2, 20, 0.8), strict);
        assertEquals(List.of(ReviewCode.DL_PHYSICS_DISAGREE, ReviewCode.ROI_AREA_SMALL, ReviewCode.CONFIDENCE_COVERAGE_LOW),
                flags.flags().stream().map(ReviewFlag::code).toList());
        assertThrows(IllegalArgumentException.class, () -> new QualityThresholds(-0.1, 5, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new QualityThresholds(0.1, Double.NaN, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new QualityThresholds(0.1, 5, 1.5));
    }
}
