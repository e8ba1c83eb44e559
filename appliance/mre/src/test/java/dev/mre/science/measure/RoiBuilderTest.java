// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ROI construction on small synthetic masks with hand-computed expectations. */
class RoiBuilderTest {
    static final RoiConfig NO_RIM = new RoiConfig(10, 0);

    @Test
    void tenMillimetreMarginAtTwoMillimetrePixelsRemovesFourPixelsAndKeepsTheFifth() {
        // Liver x, y in [2, 18]; outside pixels at 1 and 19. Kept: distance >= 5 px = 10 mm -> [6, 14].
        PixelGrid grid = new PixelGrid(21, 21, 2, 2);
        Roi roi = RoiBuilder.build(grid, Masks.rectangle(21, 21, 2, 2, 18, 18), Masks.all(441), NO_RIM);
        assertArrayEquals(new int[] {6, 6, 14, 14}, Masks.bounds(roi.mask(), 21));
        assertEquals(81, roi.roiPixels());
        assertEquals(81, Masks.count(roi.mask()));
        assertEquals(17 * 17, roi.liverPixels());
        assertEquals(81 * 0.04, roi.areaCm2(), 1e-12);
    }

    @Test
    void anisotropicSpacingErodesEachAxisByItsOwnPixelCount() {
        // Rows 1 mm apart, columns 2 mm apart, margin 4 mm: 4 rows and 2 columns from each side.
        PixelGrid grid = new PixelGrid(30, 20, 1, 2);
        Roi roi = RoiBuilder.build(grid, Masks.rectangle(30, 20, 1, 1, 18, 28), Masks.all(600), new RoiConfig(4, 0));
        // Liver x in [1, 18], y in [1, 28]; outside at x = 0, 19 and y = 0, 29.
        assertArrayEquals(new int[] {2, 4, 17, 25}, Masks.bounds(roi.mask(), 20));
        assertEquals(16 * 22, roi.roiPixels());
    }

    @Test
    void marginIsAEuclideanDiskAroundAConcaveCorner() {
        // Outside = the quarter x <= 10, y <= 10 of a 40x40 liver; 1 mm pixels, margin 4.5 mm.
        int n = 40;
        boolean[] liver = Masks.all(n * n);
        for (int y = 0; y <= 10; y++) {
            for (int x = 0; x <= 10; x++) {
                liver[y * n + x] = false;
            }
        }
        Roi roi = RoiBuilder.build(new PixelGrid(n, n, 1, 1), liver, Masks.all(n * n), new RoiConfig(4.5, 0));
        boolean[] m = roi.mask();
        assertFalse(m[13 * n + 13], "(13,13) is sqrt(18) = 4.24 px from the corner (10,10): removed");
        assertTrue(m[13 * n + 14], "(14,13) is 5 px from (10,10): kept (a square element would remove it)");
        assertFalse(m[5 * n + 14], "(14,5) is 4 px from (10,5): removed");
        assertTrue(m[5 * n + 15], "(15,5) is 5 px from (10,5): kept");
        assertFalse(m[20 * n + 3], "(3,20) is 4 px from the virtual outside column x = -1 (the border is outside): removed");
        assertTrue(m[20 * n + 4], "(4,20) is 5 px from x = -1: kept");
    }

    @Test
    void edgeErosionMatchesBruteForceDiskErosionOnRandomBlobs() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 20 + random.nextInt(30);
            int cols = 20 + random.nextInt(30);
            double rs = 0.5 + random.nextDouble() * 2;
            double cs = 0.5 + random.nextDouble() * 2;
            double margin = random.nextDouble() * 8;
            boolean[] liver = new boolean[rows * cols];
            for (int b = 0; b < 4; b++) {
                int cx = random.nextInt(cols);
                int cy = random.nextInt(rows);
                int r = 3 + random.nextInt(12);
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                            liver[y * cols + x] = true;
                        }
                    }
                }
            }
            boolean[] holes = Holes.of(liver, rows, cols);
            Roi roi = RoiBuilder.build(new PixelGrid(rows, cols, rs, cs), liver, Masks.all(rows * cols), new RoiConfig(margin, 0));
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    boolean expected = liver[y * cols + x] && farFromOutside(liver, holes, rows, cols, x, y, rs, cs, margin);
                    assertEquals(expected, roi.mask()[y * cols + x], "trial " + trial + " pixel (" + x + "," + y + ")");
                }
            }
        }
    }

    /** Brute force: every pixel centre (image border ring included) outside the filled liver is at least margin away. */
    private static boolean farFromOutside(boolean[] liver, boolean[] holes, int rows, int cols, int px, int py,
                                          double rs, double cs, double margin) {
        for (int y = -1; y <= rows; y++) {
            for (int x = -1; x <= cols; x++) {
                boolean inside = y >= 0 && y < rows && x >= 0 && x < cols;
                boolean outside = !inside || (!liver[y * cols + x] && !holes[y * cols + x]);
                if (outside && Math.hypot((x - px) * cs, (y - py) * rs) < margin * (1 - 1e-9)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void vesselHoleIsRemovedWithItsRimButDoesNotGetTheEdgeMargin() {
        // Liver x, y in [5, 34] of 40x40, 1 mm pixels, margin 3 mm -> filled liver eroded to [7, 32] = 26x26.
        // A 2x2 vessel at (19..20, 19..20): minus 4 vessel pixels and its 8 four-neighbours (rim 1 px).
        int n = 40;
        boolean[] liver = Masks.rectangle(n, n, 5, 5, 34, 34);
        for (int y = 19; y <= 20; y++) {
            for (int x = 19; x <= 20; x++) {
                liver[y * n + x] = false;
            }
        }
        Roi roi = RoiBuilder.build(new PixelGrid(n, n, 1, 1), liver, Masks.all(n * n), new RoiConfig(3, 1));
        assertEquals(4, roi.vesselPixels());
        assertEquals(26 * 26 - 4 - 8, roi.roiPixels());
        boolean[] m = roi.mask();
        assertFalse(m[18 * n + 19], "4-neighbour above the vessel is rim");
        assertTrue(m[18 * n + 18], "diagonal neighbour is sqrt(2) px away: kept with a 1 px rim");
        Roi wider = RoiBuilder.build(new PixelGrid(n, n, 1, 1), liver, Masks.all(n * n), new RoiConfig(3, 1.5));
        assertEquals(26 * 26 - 4 - 12, wider.roiPixels(), "a 1.5 px rim also takes the 4 diagonal neighbours");
        Roi none = RoiBuilder.build(new PixelGrid(n, n, 1, 1), liver, Masks.all(n * n), new RoiConfig(3, 0));
        assertEquals(26 * 26 - 4, none.roiPixels());
    }

    @Test
    void aNotchOpenToTheOutsideIsNotAVesselButADiagonalGapStillEnclosesAHole() {
        int n = 12;
        boolean[] liver = Masks.rectangle(n, n, 1, 1, 10, 10);
        liver[1 * n + 5] = false; // notch on the top edge, open to the outside
        liver[2 * n + 5] = false;
        assertEquals(0, Masks.count(Holes.of(liver, n, n)));
        boolean[] ring = Masks.rectangle(n, n, 1, 1, 10, 10);
        ring[5 * n + 5] = false; // single-pixel hole
        assertEquals(1, Masks.count(Holes.of(ring, n, n)));
        // Background touching only diagonally: (2,2) is enclosed by liver at (1,2), (2,1), (3,2), (2,3).
        boolean[] diagonal = Masks.rectangle(n, n, 1, 1, 10, 10);
        diagonal[1 * n + 1] = false;
        diagonal[2 * n + 2] = false;
        boolean[] h = Holes.of(diagonal, n, n);
        assertTrue(h[2 * n + 2]);
        assertFalse(h[1 * n + 1]);
    }

    @Test
    void confidenceMaskLimitsTheRoiAndSetsCoverage() {
        PixelGrid grid = new PixelGrid(21, 21, 2, 2);
        boolean[] liver = Masks.rectangle(21, 21, 2, 2, 18, 18);
        boolean[] left = Masks.rectangle(21, 21, 0, 0, 9, 20);
        Roi roi = RoiBuilder.build(grid, liver, left, NO_RIM);
        assertArrayEquals(new int[] {6, 6, 9, 14}, Masks.bounds(roi.mask(), 21));
        assertEquals(8 * 17, roi.confidentLiverPixels());
        assertEquals(8.0 / 17, roi.confidenceCoverage(), 1e-12);
    }

    @Test
    void emptyLiverGivesAnEmptyRoiAndUndefinedCoverage() {
        Roi roi = RoiBuilder.build(new PixelGrid(5, 5, 1, 1), new boolean[25], Masks.all(25), RoiConfig.defaults());
        assertEquals(0, roi.roiPixels());
        assertTrue(Double.isNaN(roi.confidenceCoverage()));
    }

    @Test
    void badInputIsRejected() {
        PixelGrid grid = new PixelGrid(5, 5, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> RoiBuilder.build(grid, new boolean[24], new boolean[25], RoiConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> RoiBuilder.build(grid, new boolean[25], new boolean[26], RoiConfig.defaults()));
        assertThrows(IllegalArgumentException.class, () -> new PixelGrid(5, 5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RoiConfig(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RoiConfig(10, Double.NaN));
    }
}
