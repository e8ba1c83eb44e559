// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.science.WaveField;
import dev.mre.science.grid.BoxFilter;
import dev.mre.science.grid.Laplacian;
import java.util.ArrayList;
import java.util.List;

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
 * @param absLu sum |L| |U|
 * @param count number of valid pixels in the window
 * @param lapRe Re L (NaN on the border ring)
 * @param lapIm Im L (NaN on the border ring)
 */
public record LocalSums(double[] uu, double[] ll, double[] ulRe, double[] ulIm, double[] absU, double[] absL,
                        double[] absLu, double[] count, double[] lapRe, double[] lapIm) {

    /** Sums over the (2r+1)^2 window around every pixel of {@code w}. */
    public static LocalSums of(WaveField w, int r) {
        return of(List.of(w), r);
    }

    /**
     * Sums over the (2r+1)^2 window and over the components (e.g. the directional components of
     * one field, {@link dev.mre.science.wave.DirectionalFilter}): every statistic is a sum over
     * components of the single-field statistic, so the inversions fit one modulus to all of them.
     * {@code count} counts pixels, not components; {@code lapRe}, {@code lapIm} are the Laplacian of
     * the sum of the components.
     */
    public static LocalSums of(List<WaveField> components, int r) {
        return of(components, new int[] {r}).get(0);
    }

    /**
     * The sums of {@link #of(List, int)} for several window radii at once: the Laplacians and the
     * per-pixel terms are computed once, only the box sums differ (the adaptive window of
     * {@link AlgebraicHelmholtzInversion} needs three radii). One {@code LocalSums} per radius, in
     * the order given; they share {@code lapRe} and {@code lapIm}.
     */
    public static List<LocalSums> of(List<WaveField> components, int[] radii) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("no wave field");
        }
        if (radii.length == 0) {
            throw new IllegalArgumentException("no window radius");
        }
        WaveField w0 = components.get(0);
        int rows = w0.rows();
        int cols = w0.cols();
        int n = rows * cols;
        double[] uu = new double[n];
        double[] ll = new double[n];
        double[] ulRe = new double[n];
        double[] ulIm = new double[n];
        double[] absU = new double[n];
        double[] absL = new double[n];
        double[] absLu = new double[n];
        double[] count = new double[n];
        double[] lapRe = components.size() == 1 ? null : new double[n];
        double[] lapIm = components.size() == 1 ? null : new double[n];
        for (WaveField w : components) {
            if (w.rows() != rows || w.cols() != cols) {
                throw new IllegalArgumentException("components differ in size");
            }
            double[] lr = Laplacian.threePoint(w.re(), rows, cols, w.rowSpacingM(), w.colSpacingM());
            double[] li = Laplacian.threePoint(w.im(), rows, cols, w.rowSpacingM(), w.colSpacingM());
            double[] re = w.re();
            double[] im = w.im();
            for (int i = 0; i < n; i++) {
                double a = lr[i];
                double b = li[i];
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    continue;
                }
                double ur = re[i];
                double ui = im[i];
                double u2 = ur * ur + ui * ui;
                double l2 = a * a + b * b;
                uu[i] += u2;
                ll[i] += l2;
                ulRe[i] += ur * a + ui * b;
                ulIm[i] += ur * b - ui * a;
                double au = Math.sqrt(u2);
                double al = Math.sqrt(l2);
                absU[i] += au;
                absL[i] += al;
                absLu[i] += au * al;
                count[i] = 1;
            }
            if (lapRe == null) {
                lapRe = lr;
                lapIm = li;
            } else {
                for (int i = 0; i < n; i++) {
                    lapRe[i] += lr[i];
                    lapIm[i] += li[i];
                }
            }
        }
        double[][] raw = {uu, ll, ulRe, ulIm, absU, absL, absLu, count};
        double[] tmp = new double[n];
        List<LocalSums> out = new ArrayList<>(radii.length);
        for (int k = 0; k < radii.length; k++) {
            double[][] a = new double[raw.length][];
            for (int j = 0; j < raw.length; j++) {
                // the last radius may consume the per-pixel arrays
                a[j] = k == radii.length - 1 ? raw[j] : raw[j].clone();
                BoxFilter.sumInPlace(a[j], rows, cols, radii[k], tmp);
            }
            out.add(new LocalSums(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], lapRe, lapIm));
        }
        return out;
    }
}
