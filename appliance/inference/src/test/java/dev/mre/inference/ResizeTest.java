// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Resize} against PyTorch's own bilinear interpolate (align_corners=False). */
class ResizeTest {
    /** Down, up, mixed, odd sizes, from and to one pixel, and the sizes of the models (256 -> 96x128). */
    private static final int[][] SIZES = {{40, 28, 32, 32}, {256, 256, 96, 128}, {5, 7, 13, 3}, {1, 1, 3, 4},
        {3, 3, 1, 1}, {7, 2, 7, 9}, {32, 32, 256, 192}, {100, 90, 37, 41}};
    private static final List<Torch.Case> CASES = new ArrayList<>();
    private static List<float[]> expected;

    @BeforeAll
    static void askPyTorch() throws Exception {
        for (int[] s : SIZES) {
            Random r = new Random(s[0] * 1000L + s[1] * 10L + s[2] + s[3]);
            float[] src = new float[s[0] * s[1]];
            for (int k = 0; k < src.length; k++) {
                src[k] = (float) (r.nextGaussian() * 5);
            }
            CASES.add(new Torch.Case(src, s[0], s[1], s[2], s[3]));
        }
        expected = Torch.bilinear(CASES);
    }

    /**
     * Within 1e-6 relative (about 8 float32 ulps) of each value: the same sample positions and
     * weights as PyTorch; only the rounding of the final float32 multiply-adds differs (PyTorch
     * vectorises them; observed differences are at most 3 ulps). Rounding the source coordinate
     * to float32, the obvious port, is off by up to 1e-4 on these planes and fails here.
     */
    @Test
    void matchesTorchInterpolateBilinearWithoutAlignCorners() {
        assertEquals(CASES.size(), expected.size());
        for (int c = 0; c < CASES.size(); c++) {
            Torch.Case k = CASES.get(c);
            String size = k.h() + "x" + k.w() + " -> " + k.oh() + "x" + k.ow();
            float[] actual = Resize.bilinear(k.src(), k.h(), k.w(), k.oh(), k.ow());
            float[] e = expected.get(c);
            assertEquals(k.oh() * k.ow(), e.length, size);
            for (int i = 0; i < e.length; i++) {
                float tol = 1e-6f * Math.max(1f, Math.abs(e[i]));
                int at = i;
                assertTrue(Math.abs(actual[i] - e[i]) <= tol,
                        () -> size + " at " + at + ": Java " + actual[at] + ", PyTorch " + e[at]);
            }
        }
    }

    @Test
    void theSameSizeIsACopy() {
        float[] src = {1, 2, 3, 4, 5, 6};
        float[] out = Resize.bilinear(src, 2, 3, 2, 3);
        assertArrayEquals(src, out);
        out[0] = 9;
        assertEquals(1, src[0]);
    }

    @Test
    void aPlaneOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Resize.bilinear(new float[5], 2, 3, 4, 4));
    }
}
