// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * The measurement region of one slice and the counts the quality checks need.
 *
 * <p>Exists so a measurement carries not only where it was taken but how much of the liver the
 * confidence mask covered and what the edge margin and vessels took away. Built by
 * {@link RoiBuilder}.
 *
 * @param grid                 the slice's pixel grid
 * @param mask                 true where the ROI is, row-major
 * @param liverPixels          pixels of the liver mask as given (vessel holes are not liver)
 * @param confidentLiverPixels liver pixels inside the confidence mask
 * @param vesselPixels         pixels of the holes enclosed by the liver mask
 * @param roiPixels            pixels in {@code mask}
 */
public record Roi(PixelGrid grid, boolean[] mask, int liverPixels, int confidentLiverPixels, int vesselPixels,
                  int roiPixels) {

    public Roi {
        grid.checkLength(mask.length, "ROI mask");
        if (liverPixels < 0 || confidentLiverPixels < 0 || vesselPixels < 0 || confidentLiverPixels > liverPixels) {
            throw new IllegalArgumentException("ROI counts inconsistent: liver " + liverPixels + ", confident liver "
                    + confidentLiverPixels + ", vessels " + vesselPixels);
        }
        int set = 0;
        for (boolean b : mask) {
            if (b) {
                set++;
            }
        }
        if (set != roiPixels) {
            throw new IllegalArgumentException("ROI mask has " + set + " pixels set but roiPixels is " + roiPixels);
        }
    }

    /** Fraction of the liver inside the confidence mask; NaN when there is no liver. */
    public double confidenceCoverage() {
        return liverPixels == 0 ? Double.NaN : (double) confidentLiverPixels / liverPixels;
    }

    /** ROI area in cm^2. */
    public double areaCm2() {
        return roiPixels * grid.pixelAreaCm2();
    }
}
