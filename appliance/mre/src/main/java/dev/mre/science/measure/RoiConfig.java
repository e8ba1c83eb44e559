// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * Parameters of the measurement ROI; see docs/measurement.md.
 *
 * @param edgeMarginMm     pixels whose centre is closer than this to a pixel outside the liver
 *                         (holes filled) are removed, mm (default 10: clinical practice avoids
 *                         about 1 cm of liver edge)
 * @param vesselRimPixels  pixels within this Euclidean distance (in pixels) of a vessel, i.e. a
 *                         hole in the liver mask, are removed too (default 1: the 4 neighbours,
 *                         where partial volume mixes vessel and parenchyma)
 */
public record RoiConfig(double edgeMarginMm, double vesselRimPixels) {

    public RoiConfig {
        if (!(edgeMarginMm >= 0) || Double.isInfinite(edgeMarginMm)) {
            throw new IllegalArgumentException("edge margin must be finite and >= 0 mm, got " + edgeMarginMm);
        }
        if (!(vesselRimPixels >= 0) || Double.isInfinite(vesselRimPixels)) {
            throw new IllegalArgumentException("vessel rim must be finite and >= 0 pixels, got " + vesselRimPixels);
        }
    }

    /** 10 mm edge margin, 1 pixel vessel rim. */
    public static RoiConfig defaults() {
        return new RoiConfig(10, 1);
    }
}
