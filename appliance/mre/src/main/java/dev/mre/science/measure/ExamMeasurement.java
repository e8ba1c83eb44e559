// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import java.util.List;

/**
 * The liver-stiffness value of an exam: the area-weighted mean of slice ROI means,
 * sum(mean_i area_i) / sum(area_i), over slices with measured pixels.
 *
 * @param stiffnessKPa       area-weighted mean, kPa; NaN when no slice has a measured pixel
 * @param areaCm2            total measured area, cm^2
 * @param measuredSlices     slices that contributed (measured area &gt; 0)
 * @param confidenceCoverage confident liver pixels / liver pixels over all slices; NaN with no liver
 * @param slices             the per-slice measurements, in the order given
 */
public record ExamMeasurement(double stiffnessKPa, double areaCm2, int measuredSlices, double confidenceCoverage,
                              List<SliceMeasurement> slices) {

    public ExamMeasurement {
        slices = List.copyOf(slices);
    }
}
