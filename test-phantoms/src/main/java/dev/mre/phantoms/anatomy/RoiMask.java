// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

/**
 * The "ideal ROI" of clinical practice: liver parenchyma at least 1 cm from the liver's edge
 * (outline, fissures, gallbladder fossa), excluding vessels and a one-pixel rim around them. The
 * truth against which automated ROIs are scored.
 */
public final class RoiMask {
    private RoiMask() {
    }

    /**
     * @param marginMm distance from anything that is not liver or intrahepatic vessel (mm)
     */
    static boolean[] ideal(Canvas c, boolean[] intrahepaticVessel, double marginMm) {
        int nx = c.nx;
        int ny = c.ny;
        int r = (int) Math.ceil(marginMm / c.pixelMm);
        double r2 = (marginMm / c.pixelMm) * (marginMm / c.pixelMm);
        boolean[] organ = new boolean[nx * ny];
        for (int k = 0; k < organ.length; k++) {
            organ[k] = c.at(k) == Tissue.LIVER || intrahepaticVessel[k];
        }
        boolean[] roi = new boolean[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int k = y * nx + x;
                if (c.at(k) != Tissue.LIVER) {
                    continue;
                }
                boolean ok = true;
                for (int dy = -r; dy <= r && ok; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        boolean inside = xx >= 0 && yy >= 0 && xx < nx && yy < ny;
                        int j = yy * nx + xx;
                        if (dx * dx + dy * dy <= r2 && (!inside || !organ[j])) {
                            ok = false;
                            break;
                        }
                        if (Math.abs(dx) <= 1 && Math.abs(dy) <= 1 && inside && c.at(j) == Tissue.VESSEL) {
                            ok = false;
                            break;
                        }
                    }
                }
                roi[k] = ok;
            }
        }
        return roi;
    }
}
