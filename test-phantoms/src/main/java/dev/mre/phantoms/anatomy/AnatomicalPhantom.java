// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

import java.util.SplittableRandom;

/**
 * Turns an {@link AbdomenGenerator} body into {@link SliceModel}s: tissue properties per pixel,
 * the liver's stiffness for a fibrosis stage with spatial heterogeneity and viscous loss, the
 * ideal ROI, and the passive driver's force on the right anterior body wall.
 *
 * @param stage fibrosis stage whose |G*| range the liver's mean stiffness is drawn from
 * @param liverKPa the exam's nominal liver |G*| (kPa), drawn uniformly in the stage's range
 * @param dampingRatio liver G''/G', drawn in 0.25-0.45 (60 Hz liver MRE reports phase angles of
 *     about 0.2-0.5 rad, i.e. G''/G' of the same order)
 */
public record AnatomicalPhantom(long seed, FibrosisStage stage, double liverKPa, double dampingRatio) {

    /** Draws the liver's stiffness and loss for a stage; {@code liverKPaOrNaN} overrides the draw. */
    public static AnatomicalPhantom draw(long seed, FibrosisStage stage, double liverKPaOrNaN) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double kpa = stage.minKPa() + (stage.maxKPa() - stage.minKPa()) * r.nextDouble();
        double ratio = 0.25 + 0.20 * r.nextDouble();
        return new AnatomicalPhantom(seed, stage, Double.isNaN(liverKPaOrNaN) ? kpa : liverKPaOrNaN, ratio);
    }

    /**
     * Builds slice {@code index} at level {@code zMm} below the first, shifted {@code shiftMm}
     * anteroposteriorly by respiration.
     */
    public SliceModel slice(int nx, int ny, double pixelMm, int index, double zMm, double shiftMm) {
        AbdomenGenerator body = new AbdomenGenerator(seed);
        boolean[] hepatic = new boolean[nx * ny];
        Canvas c = body.paint(nx, ny, pixelMm, zMm, shiftMm, hepatic);
        int n = nx * ny;
        double[] field = SmoothField.sample(nx, ny, pixelMm, new SplittableRandom(body.heterogeneitySeed(index)));
        float[] g1 = new float[n];
        float[] g2 = new float[n];
        double cv = stage.heterogeneity();
        for (int k = 0; k < n; k++) {
            Tissue t = c.at(k);
            if (t == Tissue.LIVER) {
                double mod = liverKPa * 1000 * Math.max(0.5, 1 + cv * field[k]);
                double gp = mod / Math.sqrt(1 + dampingRatio * dampingRatio);
                g1[k] = (float) gp;
                g2[k] = (float) (gp * dampingRatio);
            } else {
                g1[k] = (float) t.storagePa();
                g2[k] = (float) t.lossPa();
            }
        }
        boolean[] roi = RoiMask.ideal(c, hepatic, 10.0);
        return new SliceModel(nx, ny, pixelMm, c.labels, g1, g2, driver(c), roi);
    }

    /**
     * The passive driver: a force on the outermost 3 mm of the body wall (the paddle pushes on the
     * skin), weighted along the wall by a Gaussian of 30 mm standard deviation around the point
     * where a ray from the centre towards the patient's right-anterior (image upper left) leaves
     * the body. A thin source radiates shear waves; a force spread smoothly through centimetres of
     * depth would only deform the wall quasi-statically. The table takes the reaction.
     */
    static double[] driver(Canvas c) {
        double dirX = -0.55;
        double dirY = -0.835;
        double edge = 0;
        for (double r = 0; r < 400; r += 0.25) {
            int x = (int) Math.floor(r * dirX / c.pixelMm + c.nx / 2.0);
            int y = (int) Math.floor(r * dirY / c.pixelMm + c.ny / 2.0);
            if (x < 0 || y < 0 || x >= c.nx || y >= c.ny) {
                break;
            }
            if (c.at(y * c.nx + x).solid()) {
                edge = r;
            }
        }
        double px = edge * dirX;
        double py = edge * dirY;
        int depth = Math.max(1, (int) Math.round(3.0 / c.pixelMm));
        double[] f = new double[2 * c.nx * c.ny];
        for (int y = 0; y < c.ny; y++) {
            for (int x = 0; x < c.nx; x++) {
                int k = y * c.nx + x;
                Tissue t = c.at(k);
                if (!t.solid() || t == Tissue.TABLE || !nearAir(c, x, y, depth)) {
                    continue;
                }
                double d2 = (c.xMm(x) - px) * (c.xMm(x) - px) + (c.yMm(y) - py) * (c.yMm(y) - py);
                f[2 * k] = Math.exp(-d2 / (2 * 30.0 * 30.0));
            }
        }
        return f;
    }

    private static boolean nearAir(Canvas c, int x, int y, int r) {
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= c.nx || yy >= c.ny || c.at(yy * c.nx + xx) == Tissue.AIR) {
                    return true;
                }
            }
        }
        return false;
    }
}
