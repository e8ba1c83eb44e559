// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * Builds the measurement ROI of one slice: liver mask (from the segmentation model) intersected
 * with the confidence mask, minus an edge margin, minus vessels and a rim around them.
 *
 * <p>Steps, in order (docs/measurement.md explains each choice):
 * <ol>
 *   <li>Vessels = holes of the liver mask: non-liver pixels that cannot reach the image border
 *       through 4-connected non-liver pixels.</li>
 *   <li>Filled liver = liver + vessels. Edge erosion is measured from the boundary of the filled
 *       liver, so vessels do not get the 10 mm edge margin: a pixel is kept when the distance from
 *       its centre to the centre of every pixel outside the filled liver (beyond the image border
 *       included) is at least {@code edgeMarginMm}, in mm using the pixel spacing (an exact
 *       Euclidean distance transform; equivalent to erosion by a disk of that radius).</li>
 *   <li>Vessel rim: pixels whose centre lies within {@code vesselRimPixels} (Euclidean, in
 *       pixels) of a vessel pixel are removed.</li>
 *   <li>ROI = eroded filled liver AND liver AND confidence AND NOT rim.</li>
 * </ol>
 */
public final class RoiBuilder {
    /** Relative slack so a pixel exactly at the margin survives rounding of the spacing. */
    private static final double AT_MARGIN = 1e-9;

    private RoiBuilder() {
    }

    /**
     * The ROI of one slice.
     *
     * @param grid       the slice's pixel grid
     * @param liver      liver mask from the segmentation model, row-major
     * @param confidence confidence mask (e.g. 95% confidence), row-major
     * @param config     edge margin and vessel rim
     */
    public static Roi build(PixelGrid grid, boolean[] liver, boolean[] confidence, RoiConfig config) {
        grid.checkLength(liver.length, "liver mask");
        grid.checkLength(confidence.length, "confidence mask");
        int rows = grid.rows();
        int cols = grid.cols();
        boolean[] vessels = Holes.of(liver, rows, cols);
        boolean[] outsideFilled = new boolean[liver.length];
        int liverPixels = 0;
        int confident = 0;
        int vesselPixels = 0;
        for (int i = 0; i < liver.length; i++) {
            outsideFilled[i] = !liver[i] && !vessels[i];
            if (liver[i]) {
                liverPixels++;
                if (confidence[i]) {
                    confident++;
                }
            }
            if (vessels[i]) {
                vesselPixels++;
            }
        }
        double[] edge2 = DistanceTransform.squared(outsideFilled, rows, cols, grid.rowSpacingMm(), grid.colSpacingMm(), true);
        double margin2 = config.edgeMarginMm() * config.edgeMarginMm() * (1 - AT_MARGIN);
        double[] vessel2 = vesselPixels == 0 ? null : DistanceTransform.squared(vessels, rows, cols, 1, 1, false);
        double rim2 = config.vesselRimPixels() * config.vesselRimPixels() * (1 + AT_MARGIN);
        boolean[] mask = new boolean[liver.length];
        int roiPixels = 0;
        for (int i = 0; i < liver.length; i++) {
            boolean inRim = vessel2 != null && vessel2[i] <= rim2;
            if (liver[i] && confidence[i] && edge2[i] >= margin2 && !inRim) {
                mask[i] = true;
                roiPixels++;
            }
        }
        return new Roi(grid, mask, liverPixels, confident, vesselPixels, roiPixels);
    }
}
