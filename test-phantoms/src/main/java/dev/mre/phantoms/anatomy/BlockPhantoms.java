// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

import java.util.List;

/**
 * Calibration phantoms: a homogeneous gel block at a chosen stiffness, and an inclusion phantom
 * modelled on commercial elastography QA phantoms (cylinders of known stiffness and diameter in a
 * softer background). The gel fills the field of view; the solver's PML beyond the image edge
 * makes it semi-infinite, so only the inclusions scatter. The driver is a broad patch under the
 * top (anterior) edge, sending a nearly plane wave down the image.
 */
public final class BlockPhantoms {
    private BlockPhantoms() {
    }

    /** One cylindrical inclusion: centre (mm from the image centre), diameter (mm), |G*| (kPa). */
    public record Inclusion(double xMm, double yMm, double diameterMm, double kPa) {
    }

    /**
     * The default QA layout: 3 kPa background, 10 kPa inclusions of 20, 10, 6 and 4 mm on a row
     * across the middle, 60 mm apart.
     */
    public static List<Inclusion> defaultInclusions() {
        return List.of(new Inclusion(-90, 20, 20, 10), new Inclusion(-30, 20, 10, 10),
                new Inclusion(30, 20, 6, 10), new Inclusion(90, 20, 4, 10));
    }

    /**
     * @param kPa |G*| of the gel
     * @param dampingRatio G''/G'
     */
    public static SliceModel homogeneous(int nx, int ny, double pixelMm, double kPa, double dampingRatio) {
        return inclusions(nx, ny, pixelMm, kPa, dampingRatio, List.of());
    }

    public static SliceModel inclusions(int nx, int ny, double pixelMm, double backgroundKPa, double dampingRatio,
                                        List<Inclusion> inclusions) {
        Canvas c = new Canvas(nx, ny, pixelMm);
        c.paint((x, y) -> true, Tissue.GEL);
        for (Inclusion i : inclusions) {
            c.paint(Canvas.circle(i.xMm(), i.yMm(), i.diameterMm() / 2), Tissue.INCLUSION);
        }
        int n = nx * ny;
        float[] g1 = new float[n];
        float[] g2 = new float[n];
        for (int k = 0; k < n; k++) {
            double mod = backgroundKPa;
            if (c.at(k) == Tissue.INCLUSION) {
                int x = k % nx;
                int y = k / nx;
                for (Inclusion i : inclusions) {
                    if (Math.hypot(c.xMm(x) - i.xMm(), c.yMm(y) - i.yMm()) <= i.diameterMm() / 2) {
                        mod = i.kPa();
                    }
                }
            }
            double gp = mod * 1000 / Math.sqrt(1 + dampingRatio * dampingRatio);
            g1[k] = (float) gp;
            g2[k] = (float) (gp * dampingRatio);
        }
        double[] force = new double[2 * n];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double dy = (c.yMm(y) - c.yMm(0) - 6) / 3;
                double dx = c.xMm(x) / (0.3 * nx * pixelMm);
                force[2 * (y * nx + x)] = Math.exp(-dx * dx - dy * dy);
            }
        }
        return new SliceModel(nx, ny, pixelMm, c.labels, g1, g2, force, new boolean[n]);
    }
}
