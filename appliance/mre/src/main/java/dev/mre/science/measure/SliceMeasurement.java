// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * Stiffness statistics of one slice inside its ROI.
 *
 * <p>Statistics are over the measured pixels: ROI pixels whose stiffness is defined (not NaN);
 * undefined pixels are skipped and counted. Quantiles interpolate linearly (numpy's default). With
 * no measured pixel, mean, median and quartiles are NaN and the area is 0, so the slice carries no
 * weight in the exam value.
 *
 * @param sliceIndex           the slice's index in the exam
 * @param roiPixels            pixels in the ROI
 * @param undefinedPixels      ROI pixels whose stiffness was NaN
 * @param measuredPixels       roiPixels - undefinedPixels
 * @param areaCm2              area of the measured pixels, cm^2 (the exam weight)
 * @param meanKPa              mean stiffness, kPa
 * @param medianKPa            median stiffness, kPa
 * @param q1KPa                first quartile, kPa
 * @param q3KPa                third quartile, kPa
 * @param liverPixels          liver pixels of the slice (for the coverage check)
 * @param confidentLiverPixels liver pixels inside the confidence mask
 */
public record SliceMeasurement(int sliceIndex, int roiPixels, int undefinedPixels, int measuredPixels, double areaCm2,
                               double meanKPa, double medianKPa, double q1KPa, double q3KPa, int liverPixels,
                               int confidentLiverPixels) {

    /** Interquartile range q3 - q1, kPa. */
    public double iqrKPa() {
        return q3KPa - q1KPa;
    }
}
