// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an exam result needs a human review, and says why.
 *
 * <p>Checks, each against {@link QualityThresholds}: the physics measurement has a value; the DL
 * exam stiffness is within the accepted relative difference of the physics one (skipped when no DL
 * result is given; a DL result without a value is a disagreement); the physics ROI area and the
 * confidence coverage of the liver reach their minimums. A value exactly at a threshold passes.
 */
public final class QualityCheck {
    private QualityCheck() {
    }

    /** Flags for a physics-only result. */
    public static ReviewFlags check(ExamMeasurement physics, QualityThresholds thresholds) {
        return check(physics, null, thresholds);
    }

    /**
     * Flags for a result with both physics and DL measurements.
     *
     * @param physics    the physics-inversion measurement (its ROI and coverage are checked)
     * @param dl         the DL measurement on the same exam, or null when none was made
     * @param thresholds the thresholds
     */
    public static ReviewFlags check(ExamMeasurement physics, ExamMeasurement dl, QualityThresholds thresholds) {
        List<ReviewFlag> flags = new ArrayList<>();
        double p = physics.stiffnessKPa();
        if (Double.isNaN(p)) {
            flags.add(new ReviewFlag(ReviewCode.NO_MEASUREMENT,
                    "no ROI pixel has a defined physics stiffness: there is no exam value; review the ROI and the inversion"));
        }
        if (dl != null && !Double.isNaN(p)) {
            double d = dl.stiffnessKPa();
            if (Double.isNaN(d)) {
                flags.add(new ReviewFlag(ReviewCode.DL_PHYSICS_DISAGREE,
                        format("the DL path gave no value while physics gave %.2f kPa", p)));
            } else {
                double relative = Math.abs(d - p) / p;
                if (relative > thresholds.maxDlPhysicsDifference()) {
                    flags.add(new ReviewFlag(ReviewCode.DL_PHYSICS_DISAGREE,
                            format("DL %.2f kPa and physics %.2f kPa differ by %.1f%% of the physics value (limit %.1f%%)",
                                    d, p, 100 * relative, 100 * thresholds.maxDlPhysicsDifference())));
                }
            }
        }
        if (physics.areaCm2() < thresholds.minRoiAreaCm2()) {
            flags.add(new ReviewFlag(ReviewCode.ROI_AREA_SMALL,
                    format("the measured ROI covers %.2f cm2 over %d slice(s), below the minimum of %.2f cm2",
                            physics.areaCm2(), physics.measuredSlices(), thresholds.minRoiAreaCm2())));
        }
        double coverage = physics.confidenceCoverage();
        if (Double.isNaN(coverage) || coverage < thresholds.minConfidenceCoverage()) {
            flags.add(new ReviewFlag(ReviewCode.CONFIDENCE_COVERAGE_LOW, Double.isNaN(coverage)
                    ? "the liver mask is empty: confidence coverage is undefined"
                    : format("the confidence mask covers %.0f%% of the liver, below the minimum of %.0f%%",
                            100 * coverage, 100 * thresholds.minConfidenceCoverage())));
        }
        return new ReviewFlags(flags);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
