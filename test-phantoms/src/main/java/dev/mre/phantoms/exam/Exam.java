// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import java.util.List;

/**
 * A complete simulated MRE exam with its ground truth: the unit that writers put on disk.
 *
 * @param liverKPa the drawn nominal liver |G*| (anatomical), or the block/background stiffness
 * @param dampingRatio G''/G' of the liver or gel
 * @param roiKPa true area-weighted ROI |G*|: sum over slices of (ROI mean x ROI area) / total
 *     ROI area, i.e. the mean over all ideal-ROI pixels (NaN without liver)
 * @param roiPixels total ideal-ROI pixels over all slices
 */
public record Exam(ExamSpec spec, List<ExamSlice> slices, double liverKPa, double dampingRatio, double roiKPa,
                   long roiPixels) {
}
