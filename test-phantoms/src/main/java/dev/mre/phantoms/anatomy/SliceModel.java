// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

import dev.mre.phantoms.physics.Medium;

/**
 * The ground truth of one phantom slice: tissue labels and the complex modulus per pixel, plus
 * the driver's force field. It exists so the physics, the acquisition and the truth writer all
 * work from the same arrays. Row-major, row 0 anterior, column 0 at the patient's right
 * (radiological display).
 *
 * @param nx columns
 * @param ny rows
 * @param pixelMm pixel spacing (square pixels) in mm
 * @param labels {@link Tissue#label()} per pixel
 * @param storagePa G' (Pa)
 * @param lossPa G'' (Pa)
 * @param force driver body force, interleaved complex (arbitrary units, scaled after solving)
 * @param roi the ideal measurement ROI (liver parenchyma 1 cm from its edge, no vessels); all
 *     false for phantoms without liver
 */
public record SliceModel(int nx, int ny, double pixelMm, byte[] labels, float[] storagePa, float[] lossPa,
                         double[] force, boolean[] roi) {

    /** |G*| = sqrt(G'^2 + G''^2) in kPa at pixel k. */
    public double modulusKPa(int k) {
        return Math.hypot(storagePa[k], lossPa[k]) / 1000.0;
    }

    public Tissue tissue(int k) {
        return Tissue.ofLabel(labels[k]);
    }

    /** The wave solver's view of this slice. */
    public Medium medium() {
        int n = nx * ny;
        double[] re = new double[n];
        double[] im = new double[n];
        double[] rho = new double[n];
        boolean[] solid = new boolean[n];
        for (int k = 0; k < n; k++) {
            re[k] = storagePa[k];
            im[k] = lossPa[k];
            rho[k] = tissue(k).density();
            solid[k] = tissue(k).solid();
        }
        double h = pixelMm * 1e-3;
        return new Medium(nx, ny, h, h, re, im, rho, solid);
    }

    /** Mean |G*| (kPa) over the ROI, and its pixel count, as {mean, count}. */
    public double[] roiMeanKPa() {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < roi.length; k++) {
            if (roi[k]) {
                sum += modulusKPa(k);
                count++;
            }
        }
        return new double[] {count == 0 ? Double.NaN : sum / count, count};
    }
}
