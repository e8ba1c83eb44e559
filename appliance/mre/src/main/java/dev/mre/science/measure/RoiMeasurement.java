// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import java.util.Arrays;
import java.util.List;

/**
 * Measures a stiffness map (kPa) inside an ROI, per slice and for the exam.
 *
 * <p>Exists so the physics path and the deep-learning path report stiffness identically: the same
 * ROI, the same NaN handling, the same quantile definition, the same area weighting.
 */
public final class RoiMeasurement {
    private RoiMeasurement() {
    }

    /**
     * Statistics of {@code stiffnessKPa} inside {@code roi}. NaN pixels are skipped and counted;
     * infinite values are rejected (an inversion must not produce them).
     */
    public static SliceMeasurement slice(int sliceIndex, Roi roi, float[] stiffnessKPa) {
        roi.grid().checkLength(stiffnessKPa.length, "stiffness map");
        boolean[] mask = roi.mask();
        float[] values = new float[roi.roiPixels()];
        int n = 0;
        int undefined = 0;
        double sum = 0;
        for (int i = 0; i < mask.length; i++) {
            if (!mask[i]) {
                continue;
            }
            float v = stiffnessKPa[i];
            if (Float.isNaN(v)) {
                undefined++;
            } else if (Float.isInfinite(v)) {
                throw new IllegalArgumentException("slice " + sliceIndex + ": stiffness is infinite at pixel " + i);
            } else {
                values[n++] = v;
                sum += v;
            }
        }
        double area = n * roi.grid().pixelAreaCm2();
        if (n == 0) {
            return new SliceMeasurement(sliceIndex, roi.roiPixels(), undefined, 0, 0, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, roi.liverPixels(), roi.confidentLiverPixels());
        }
        Arrays.sort(values, 0, n);
        return new SliceMeasurement(sliceIndex, roi.roiPixels(), undefined, n, area, sum / n,
                Quantiles.sorted(values, n, 0.5), Quantiles.sorted(values, n, 0.25), Quantiles.sorted(values, n, 0.75),
                roi.liverPixels(), roi.confidentLiverPixels());
    }

    /** The exam value: area-weighted mean of the slice means. */
    public static ExamMeasurement exam(List<SliceMeasurement> slices) {
        double weighted = 0;
        double area = 0;
        int measured = 0;
        long liver = 0;
        long confident = 0;
        for (SliceMeasurement s : slices) {
            if (s.measuredPixels() > 0) {
                weighted += s.meanKPa() * s.areaCm2();
                area += s.areaCm2();
                measured++;
            }
            liver += s.liverPixels();
            confident += s.confidentLiverPixels();
        }
        double stiffness = area > 0 ? weighted / area : Double.NaN;
        double coverage = liver > 0 ? (double) confident / liver : Double.NaN;
        return new ExamMeasurement(stiffness, area, measured, coverage, slices);
    }
}
