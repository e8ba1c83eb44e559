// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * Thresholds of the review flags; see docs/measurement.md for why each default was chosen.
 *
 * @param maxDlPhysicsDifference largest accepted |DL - physics| / physics exam stiffness (default
 *                               0.10: the DL paper's worst configuration was within 11%)
 * @param minRoiAreaCm2          smallest accepted total measured ROI area of the exam, cm^2
 *                               (default 5)
 * @param minConfidenceCoverage  smallest accepted fraction of the liver inside the confidence
 *                               mask (default 0.30)
 */
public record QualityThresholds(double maxDlPhysicsDifference, double minRoiAreaCm2, double minConfidenceCoverage) {

    public QualityThresholds {
        if (!(maxDlPhysicsDifference >= 0) || Double.isInfinite(maxDlPhysicsDifference)) {
            throw new IllegalArgumentException("DL/physics difference threshold must be finite and >= 0, got " + maxDlPhysicsDifference);
        }
        if (!(minRoiAreaCm2 >= 0) || Double.isInfinite(minRoiAreaCm2)) {
            throw new IllegalArgumentException("minimum ROI area must be finite and >= 0 cm2, got " + minRoiAreaCm2);
        }
        if (!(minConfidenceCoverage >= 0 && minConfidenceCoverage <= 1)) {
            throw new IllegalArgumentException("minimum confidence coverage must be in [0, 1], got " + minConfidenceCoverage);
        }
    }

    /** 10% DL/physics difference, 5 cm^2 ROI area, 30% confidence coverage. */
    public static QualityThresholds defaults() {
        return new QualityThresholds(0.10, 5.0, 0.30);
    }
}
