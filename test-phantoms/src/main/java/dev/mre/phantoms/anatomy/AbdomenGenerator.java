// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

import java.util.SplittableRandom;

/**
 * Anatomical abdomen slices at the level of the liver: body outline, subcutaneous fat, abdominal
 * wall muscle, liver (right lobe, left lobe, fissure), hepatic and portal veins, IVC and aorta,
 * gallbladder, spleen, kidneys, spine with paraspinal muscles, bowel with gas. Shapes are drawn
 * from one random source per exam, so the four slices of an exam belong to one body; each slice
 * is a level {@code zMm} (0 = most cranial) and organs grow or shrink with it as they do from the
 * dome of the liver downwards.
 */
public final class AbdomenGenerator {
    private final SplittableRandom rnd;
    private final double bodyA;
    private final double bodyB;
    private final double fat;
    private final double[] bodyAmps = new double[3];
    private final double[] bodyPh = new double[3];
    private final double liverA;
    private final double liverB;
    private final double liverCx;
    private final double liverCy;
    private final double[] liverAmps = new double[4];
    private final double[] liverPh = new double[4];
    private final double leftLobeLen;
    private final double fissureAngle;
    private final double spleenA;
    private final double spleenB;
    private final double[][] vessels;
    private final double[][] gas;
    private final boolean gallbladder;
    private final long heterogeneitySeed;

    /** Draws one body. */
    public AbdomenGenerator(long seed) {
        rnd = new SplittableRandom(seed);
        bodyA = u(150, 185);
        bodyB = u(105, 130);
        fat = u(8, 25);
        for (int i = 0; i < 3; i++) {
            bodyAmps[i] = u(-0.03, 0.03);
            bodyPh[i] = u(0, 2 * Math.PI);
        }
        liverA = u(70, 90);
        liverB = u(65, 85);
        liverCx = -bodyA * u(0.38, 0.48);
        liverCy = u(-15, 5);
        for (int i = 0; i < 4; i++) {
            liverAmps[i] = u(-0.06, 0.06);
            liverPh[i] = u(0, 2 * Math.PI);
        }
        leftLobeLen = u(70, 120);
        fissureAngle = u(-0.35, 0.35);
        spleenA = u(25, 38);
        spleenB = u(45, 65);
        int nv = 5 + rnd.nextInt(5);
        vessels = new double[nv][];
        for (int i = 0; i < nv; i++) {
            // polar offset within the right lobe (fraction of radius), radius, elongation direction
            vessels[i] = new double[] {u(0, 0.7), u(0, 2 * Math.PI), i == 0 ? u(5, 7) : u(2.5, 5), u(0, 15),
                u(0, Math.PI)};
        }
        int ng = 3 + rnd.nextInt(5);
        gas = new double[ng][];
        for (int i = 0; i < ng; i++) {
            gas[i] = new double[] {u(10, 110), u(-70, 10), u(4, 11)};
        }
        gallbladder = rnd.nextDouble() < 0.8;
        heterogeneitySeed = rnd.nextLong();
    }

    private double u(double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }

    /** Seed of the liver heterogeneity field of slice {@code index}. */
    long heterogeneitySeed(int index) {
        return heterogeneitySeed + 0x9E3779B97F4A7C15L * (index + 1);
    }

    /**
     * Paints one slice. {@code zMm} is the level below the top slice; {@code shiftMm} moves the
     * viscera (not the body wall) anteroposteriorly, as a different breath-hold would.
     */
    Canvas paint(int nx, int ny, double pixelMm, double zMm, double shiftMm, boolean[] hepaticVesselOut) {
        Canvas c = new Canvas(nx, ny, pixelMm);
        double s = 1.0 - 0.004 * zMm; // liver narrows caudally
        c.paint(Canvas.lumpyEllipse(0, 0, bodyA, bodyB, 0, bodyAmps, bodyPh), Tissue.FAT);
        c.paint(Canvas.lumpyEllipse(0, 0, bodyA - fat, bodyB - fat, 0, bodyAmps, bodyPh), Tissue.MUSCLE);
        c.paint(Canvas.lumpyEllipse(0, 2, bodyA - fat - 9, bodyB - fat - 9, 0, bodyAmps, bodyPh), Tissue.BOWEL);
        double dy = shiftMm;
        double spineY = bodyB - fat - 45;
        // paraspinal muscles, vertebra, spinal canal (fat stands in for CSF and epidural fat)
        c.paint(Canvas.ellipse(-28, spineY + 10, 22, 26, 0), Tissue.MUSCLE);
        c.paint(Canvas.ellipse(28, spineY + 10, 22, 26, 0), Tissue.MUSCLE);
        c.paint(Canvas.circle(0, spineY - 22, 18), Tissue.BONE);
        c.paint(Canvas.segment(0, spineY - 4, 0, spineY + 22, 6), Tissue.BONE);
        c.paint(Canvas.circle(0, spineY - 1, 6), Tissue.FAT);
        // kidneys appear caudally
        double kidneyR = Math.max(0, Math.min(1, (zMm - 5) / 20));
        if (kidneyR > 0) {
            c.paint(Canvas.ellipse(-68, spineY - 10 + dy, 26 * kidneyR + 5, 40 * kidneyR + 5, -0.4), Tissue.KIDNEY);
            c.paint(Canvas.ellipse(68, spineY - 15 + dy, 26 * kidneyR + 5, 40 * kidneyR + 5, 0.4), Tissue.KIDNEY);
        }
        // spleen, patient's left posterior (image right)
        c.paint(Canvas.ellipse(bodyA - fat - spleenA - 12, spineY - 40 + dy, spleenA * s, spleenB * s, -0.6),
                Tissue.SPLEEN);
        // aorta and IVC
        c.paint(Canvas.circle(10, spineY - 48, 10), Tissue.VESSEL);
        // liver: right lobe + left lobe reaching across the midline anteriorly, clipped to the muscle wall
        double lcy = liverCy + dy;
        Canvas.Shape right = Canvas.lumpyEllipse(liverCx, lcy, liverA * s, liverB * s, 0.2, liverAmps, liverPh);
        double llen = leftLobeLen * Math.max(0.2, 1 - 0.012 * zMm);
        Canvas.Shape left = Canvas.ellipse(liverCx + liverA * 0.55, lcy - liverB * 0.45, llen, 24 * s + 6,
                fissureAngle * 0.3);
        Canvas.Shape inner = Canvas.lumpyEllipse(0, 2, bodyA - fat - 9, bodyB - fat - 9, 0, bodyAmps, bodyPh);
        Canvas.Shape liver = (x, y) -> inner.contains(x, y) && (right.contains(x, y) || left.contains(x, y));
        c.paintIf(liver, Tissue.LIVER, Tissue.BOWEL);
        c.paint(Canvas.ellipse(-22, spineY - 50 + dy, 12, 9, 0), Tissue.VESSEL); // IVC, intrahepatic at this level
        // fissure (ligamentum teres / falciform): a fat cleft between the lobes
        double fx = liverCx + liverA * 0.55 * s;
        double fy = lcy - liverB * 0.1;
        c.paintIf(Canvas.segment(fx, fy, fx + 45 * Math.sin(fissureAngle), fy - 45 * Math.cos(fissureAngle), 2.0),
                Tissue.FAT, Tissue.LIVER);
        // gallbladder at the inferior surface near the fissure, caudal slices
        if (gallbladder && zMm > 8) {
            c.paintIf(Canvas.ellipse(fx - 12, fy + 25, 13, 20, 0.5), Tissue.GALLBLADDER, Tissue.LIVER);
        }
        // hepatic and portal veins inside the liver
        for (int i = 0; i < vessels.length; i++) {
            double[] v = vessels[i];
            double vx = liverCx + v[0] * liverA * s * Math.cos(v[1]);
            double vy = lcy + v[0] * liverB * s * Math.sin(v[1]) + 0.3 * zMm * Math.cos(v[4]);
            double len = v[3];
            Canvas.Shape vessel = Canvas.segment(vx, vy, vx + len * Math.cos(v[4]), vy + len * Math.sin(v[4]), v[2]);
            for (int k = 0; k < c.labels.length; k++) {
                if (c.at(k) == Tissue.LIVER && vessel.contains(c.xMm(k % nx), c.yMm(k / nx))) {
                    c.labels[k] = (byte) Tissue.VESSEL.label();
                    hepaticVesselOut[k] = true;
                }
            }
        }
        // the table: flattens the back and clamps it (patient supine)
        double tableY = bodyB * 0.93;
        c.paint((x, y) -> y >= tableY, Tissue.TABLE);
        // bowel gas, anterior left
        for (double[] g : gas) {
            c.paintIf(Canvas.circle(g[0], g[1] + 0.5 * zMm, g[2]), Tissue.AIR, Tissue.BOWEL);
        }
        return c;
    }
}
