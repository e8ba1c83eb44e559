// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.science.WaveField;
import dev.mre.science.grid.BoxFilter;
import dev.mre.science.grid.Laplacian;

/**
 * Window sums of the wave U and its 3-point Laplacian L that the inversions and the confidence map
 * are built from.
 *
 * <p>Exists so every windowed statistic uses the same window and the same border rule: the outer
 * one-pixel ring, where the Laplacian stencil does not fit, contributes nothing, and pixels whose
 * window holds no valid pixel have count 0.
 *
 * @param uu    sum |U|^2
 * @param ll    sum |L|^2
 * @param ulRe  Re sum conj(U) L
 * @param ulIm  Im sum conj(U) L
 * @param absU  sum |U|
 * @param absL  sum |L|
 * @param count number of valid pixels in the window
 * @param lapRe Re L (NaN on the border ring)
 * @param lapIm Im L (NaN on the border ring)
 */
public record LocalSums(double[] uu, double[] ll, double[] ulRe, double[] ulIm, double[] absU, double[] absL,
                        double[] count, double[] lapRe, double[] lapIm) {

    /** Sums over the (2r+1)^2 window around every pixel of {@code w}. */
    public static LocalSums of(WaveField w, int r) {
        int rows = w.rows();
        int cols = w.cols();
        double[] lr = Laplacian.threePoint(w.re(), rows, cols, w.rowSpacingM(), w.colSpacingM());
        double[] li = Laplacian.threePoint(w.im(), rows, cols, w.rowSpacingM(), w.colSpacingM());
        int n = rows * cols;
        double[] uu = new double[n];
        double[] ll = new double[n];
        double[] ulRe = new double[n];
        double[] ulIm = new double[n];
        double[] absU = new double[n];
        double[] absL = new double[n];
        double[] count = new double[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(lr[i]) || Double.isNaN(li[i])) {
                continue;
            }
            double ur = w.re()[i];
            double ui = w.im()[i];
            uu[i] = ur * ur + ui * ui;
            ll[i] = lr[i] * lr[i] + li[i] * li[i];
            ulRe[i] = ur * lr[i] + ui * li[i];
            ulIm[i] = ur * li[i] - ui * lr[i];
            absU[i] = Math.sqrt(uu[i]);
            absL[i] = Math.sqrt(ll[i]);
            count[i] = 1;
        }
        return new LocalSums(BoxFilter.sum(uu, rows, cols, r), BoxFilter.sum(ll, rows, cols, r),
                BoxFilter.sum(ulRe, rows, cols, r), BoxFilter.sum(ulIm, rows, cols, r),
                BoxFilter.sum(absU, rows, cols, r), BoxFilter.sum(absL, rows, cols, r),
                BoxFilter.sum(count, rows, cols, r), lr, li);
    }
}
