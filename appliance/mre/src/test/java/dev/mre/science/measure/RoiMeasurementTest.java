// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice statistics and the area-weighted exam value, by hand. */
class RoiMeasurementTest {

    /** An ROI over the given pixels of a 1-row grid (no erosion, no rim), 2 x 5 mm pixels = 0.1 cm2. */
    static Roi row(int cols, int... pixels) {
        boolean[] mask = new boolean[cols];
        for (int p : pixels) {
            mask[p] = true;
        }
        int n = pixels.length;
        return new Roi(new PixelGrid(1, cols, 2, 5), mask, n, n, 0, n);
    }

    @Test
    void sliceStatisticsSkipAndCountNaNAndInterpolateQuartilesLikeNumpy() {
        Roi roi = row(8, 1, 2, 3, 4, 5);
        float[] kPa = {99, 4, Float.NaN, 1, 3, 2, 99, 99};
        SliceMeasurement s = RoiMeasurement.slice(2, roi, kPa);
        assertEquals(2, s.sliceIndex());
        assertEquals(5, s.roiPixels());
        assertEquals(1, s.undefinedPixels());
        assertEquals(4, s.measuredPixels());
        assertEquals(0.4, s.areaCm2(), 1e-12);
        assertEquals(2.5, s.meanKPa(), 1e-12);
        // Sorted 1 2 3 4: numpy.quantile(..., [0.25, 0.5, 0.75]) = 1.75, 2.5, 3.25.
        assertEquals(2.5, s.medianKPa(), 1e-12);
        assertEquals(1.75, s.q1KPa(), 1e-12);
        assertEquals(3.25, s.q3KPa(), 1e-12);
        assertEquals(1.5, s.iqrKPa(), 1e-12);
    }

    @Test
    void oddCountMedianIsTheMiddleValueAndOnePixelHasZeroIqr() {
        SliceMeasurement s = RoiMeasurement.slice(0, row(5, 0, 1, 2, 3, 4), new float[] {5, 1, 4, 2, 3});
        assertEquals(3, s.medianKPa(), 1e-12);
        assertEquals(2, s.q1KPa(), 1e-12);
        assertEquals(4, s.q3KPa(), 1e-12);
        SliceMeasurement one = RoiMeasurement.slice(0, row(3, 1), new float[] {0, 2.75f, 0});
        assertEquals(2.75, one.medianKPa(), 1e-12);
        assertEquals(0, one.iqrKPa(), 1e-12);
    }

    @Test
    void examValueIsTheAreaWeightedMeanOfSliceMeans() {
        // Slice 0: mean 2 over 10 pixels (1 cm2); slice 1: mean 5 over 30 pixels (3 cm2).
        // (2 * 1 + 5 * 3) / 4 = 4.25, not the plain mean of means 3.5.
        float[] a = new float[40];
        float[] b = new float[40];
        Arrays.fill(a, 2);
        Arrays.fill(b, 5);
        SliceMeasurement s0 = RoiMeasurement.slice(0, row(40, range(10)), a);
        SliceMeasurement s1 = RoiMeasurement.slice(1, row(40, range(30)), b);
        ExamMeasurement exam = RoiMeasurement.exam(List.of(s0, s1));
        assertEquals(4.25, exam.stiffnessKPa(), 1e-12);
        assertEquals(4.0, exam.areaCm2(), 1e-12);
        assertEquals(2, exam.measuredSlices());
        assertEquals(List.of(s0, s1), exam.slices());
    }

    @Test
    void aSliceWithoutDefinedPixelsCarriesNoWeightAndAnAllEmptyExamHasNoValue() {
        float[] nan = new float[10];
        Arrays.fill(nan, Float.NaN);
        float[] three = new float[10];
        Arrays.fill(three, 3);
        SliceMeasurement empty = RoiMeasurement.slice(0, row(10, 0, 1, 2), nan);
        assertEquals(3, empty.undefinedPixels());
        assertEquals(0, empty.areaCm2());
        assertTrue(Double.isNaN(empty.meanKPa()));
        ExamMeasurement exam = RoiMeasurement.exam(List.of(empty, RoiMeasurement.slice(1, row(10, 4, 5), three)));
        assertEquals(3, exam.stiffnessKPa(), 1e-12);
        assertEquals(1, exam.measuredSlices());
        ExamMeasurement none = RoiMeasurement.exam(List.of(empty));
        assertTrue(Double.isNaN(none.stiffnessKPa()));
        assertEquals(0, none.measuredSlices());
    }

    @Test
    void examCoverageSumsPixelsOverSlices() {
        Roi r0 = new Roi(new PixelGrid(1, 4, 1, 1), new boolean[4], 10, 2, 0, 0);
        Roi r1 = new Roi(new PixelGrid(1, 4, 1, 1), new boolean[4], 30, 18, 0, 0);
        ExamMeasurement exam = RoiMeasurement.exam(List.of(RoiMeasurement.slice(0, r0, new float[4]),
                RoiMeasurement.slice(1, r1, new float[4])));
        assertEquals(20.0 / 40, exam.confidenceCoverage(), 1e-12);
    }

    @Test
    void roiToExamEndToEnd() {
        // Two 21x21 slices at 2 mm: liver [2,18]^2, margin 10 mm -> 81 px = 3.24 cm2 each; second
        // slice half confident -> columns 6..9 = 36 px = 1.44 cm2. Means 2 and 4 -> (2*3.24 + 4*1.44) / 4.68.
        PixelGrid grid = new PixelGrid(21, 21, 2, 2);
        boolean[] liver = Masks.rectangle(21, 21, 2, 2, 18, 18);
        Roi full = RoiBuilder.build(grid, liver, Masks.all(441), RoiConfig.defaults());
        Roi half = RoiBuilder.build(grid, liver, Masks.rectangle(21, 21, 0, 0, 9, 20), RoiConfig.defaults());
        float[] two = new float[441];
        float[] four = new float[441];
        Arrays.fill(two, 2);
        Arrays.fill(four, 4);
        ExamMeasurement exam = RoiMeasurement.exam(List.of(RoiMeasurement.slice(0, full, two), RoiMeasurement.slice(1, half, four)));
        assertEquals((2 * 3.24 + 4 * 1.44) / 4.68, exam.stiffnessKPa(), 1e-12);
        assertEquals(4.68, exam.areaCm2(), 1e-12);
        assertEquals((289 + 8 * 17) / 578.0, exam.confidenceCoverage(), 1e-12);
    }

    @Test
    void badMapsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RoiMeasurement.slice(0, row(4, 1), new float[3]));
        assertThrows(IllegalArgumentException.class,
                () -> RoiMeasurement.slice(0, row(4, 1), new float[] {0, Float.POSITIVE_INFINITY, 0, 0}));
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
