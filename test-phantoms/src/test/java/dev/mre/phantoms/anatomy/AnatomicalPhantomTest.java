// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnatomicalPhantomTest {
    private static final double PX = 400.0 / 256;

    @Test
    void idealRoiIsLiverAtLeast1cmFromAnythingElseAndNeverTouchesAVessel() {
        for (long seed = 1; seed <= 3; seed++) {
            SliceModel m = AnatomicalPhantom.draw(seed, FibrosisStage.F1, Double.NaN).slice(256, 256, PX, 0, 0, 0);
            int r = (int) Math.floor(9.9 / PX);
            int count = 0;
            for (int k = 0; k < m.roi().length; k++) {
                if (!m.roi()[k]) {
                    continue;
                }
                count++;
                assertEquals(Tissue.LIVER, m.tissue(k));
                int x = k % 256;
                int y = k / 256;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        if (dx * dx + dy * dy > r * r) {
                            continue;
                        }
                        Tissue t = m.tissue((y + dy) * 256 + x + dx);
                        assertTrue(t == Tissue.LIVER || t == Tissue.VESSEL, "seed " + seed + " " + t);
                    }
                }
            }
            assertTrue(count > 1000, "ROI of seed " + seed + ": " + count);
        }
    }

    @Test
    void liverStiffnessIsDrawnInsideTheStageRangeWithPlausibleLoss() {
        for (FibrosisStage s : FibrosisStage.values()) {
            for (long seed = 0; seed < 20; seed++) {
                AnatomicalPhantom p = AnatomicalPhantom.draw(seed, s, Double.NaN);
                assertTrue(p.liverKPa() >= s.minKPa() && p.liverKPa() <= s.maxKPa());
                assertTrue(p.dampingRatio() >= 0.2 && p.dampingRatio() <= 0.5);
            }
        }
    }

    @Test
    void sameSeedGivesTheSameBodyAndAnotherSeedAnother() {
        SliceModel a = AnatomicalPhantom.draw(9, FibrosisStage.F4, Double.NaN).slice(128, 128, 3.125, 1, 8, 0);
        SliceModel b = AnatomicalPhantom.draw(9, FibrosisStage.F4, Double.NaN).slice(128, 128, 3.125, 1, 8, 0);
        SliceModel c = AnatomicalPhantom.draw(10, FibrosisStage.F4, Double.NaN).slice(128, 128, 3.125, 1, 8, 0);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.storagePa(), b.storagePa());
        assertTrue(!java.util.Arrays.equals(a.labels(), c.labels()));
    }

    @Test
    void respiratoryShiftMovesTheVisceraButNotTheBodyWall() {
        AnatomicalPhantom p = AnatomicalPhantom.draw(4, FibrosisStage.F0, Double.NaN);
        SliceModel still = p.slice(128, 128, 3.125, 0, 0, 0);
        SliceModel moved = p.slice(128, 128, 3.125, 0, 0, 12.5);
        double spleen = (centroidRow(moved, Tissue.SPLEEN) - centroidRow(still, Tissue.SPLEEN)) * 3.125;
        double liver = (centroidRow(moved, Tissue.LIVER) - centroidRow(still, Tissue.LIVER)) * 3.125;
        // the spleen moves whole (1.5 mm = half a 3.125 mm pixel of centroid error); the liver is
        // clipped by the fixed abdominal wall, so its centroid moves less, but the same way
        assertEquals(12.5, spleen, 1.5);
        assertTrue(liver > 2.0 && liver < 12.5, "liver centroid moved " + liver + " mm");
        assertEquals(centroidRow(still, Tissue.FAT), centroidRow(moved, Tissue.FAT), 0.5);
    }

    private static double centroidRow(SliceModel m, Tissue t) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < m.labels().length; k++) {
            if (m.tissue(k) == t) {
                sum += k / m.nx();
                n++;
            }
        }
        return sum / n;
    }
}
