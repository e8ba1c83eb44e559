// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/** Machine-readable reasons why an exam result needs a human review. */
public enum ReviewCode {
    /** No ROI pixel had a defined stiffness: there is no exam value. */
    NO_MEASUREMENT,
    /** DL and physics exam stiffness differ by more than the threshold (relative to physics). */
    DL_PHYSICS_DISAGREE,
    /** The measured ROI area of the exam is below the minimum. */
    ROI_AREA_SMALL,
    /** The confidence mask covers less of the liver than the minimum. */
    CONFIDENCE_COVERAGE_LOW
}
