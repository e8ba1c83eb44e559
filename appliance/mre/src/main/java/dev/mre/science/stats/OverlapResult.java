// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * Pixel-wise overlap of a predicted binary mask with a reference mask.
 *
 * <p>Ratios whose denominator is zero are defined, not NaN: when both masks are empty every ratio
 * is 1 (perfect agreement on "nothing there"); when only one is empty, TP = 0 and every ratio is 0
 * (this includes precision with an empty prediction and recall with an empty reference, as
 * scikit-learn's zero_division=0). With these rules F1 always equals Dice.
 *
 * @param truePositives  pixels in both masks
 * @param falsePositives pixels predicted but not in the reference
 * @param falseNegatives pixels in the reference but not predicted
 * @param trueNegatives  pixels in neither
 * @param dice           2 TP / (2 TP + FP + FN)
 * @param iou            TP / (TP + FP + FN) (Jaccard)
 * @param precision      TP / (TP + FP)
 * @param recall         TP / (TP + FN) (sensitivity)
 * @param f1             2 precision recall / (precision + recall)
 */
public record OverlapResult(long truePositives, long falsePositives, long falseNegatives, long trueNegatives,
                            double dice, double iou, double precision, double recall, double f1) {
}
