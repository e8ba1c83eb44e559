// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LargestComponentTest {
    /** '#' = true; rows separated by '/'. */
    private static boolean[] mask(String s) {
        String t = s.replace("/", "");
        boolean[] m = new boolean[t.length()];
        for (int k = 0; k < m.length; k++) {
            m[k] = t.charAt(k) == '#';
        }
        return m;
    }

    @Test
    void keepsTheBiggerOfTwoBlobs() {
        boolean[] in = mask("##..../##..##/....##/....##");
        assertArrayEquals(mask("....../....##/....##/....##"), LargestComponent.keep(in, 4, 6));
    }

    @Test
    void diagonalNeighboursAreNotConnected() {
        boolean[] in = mask("#../.#./..#");
        boolean[] out = LargestComponent.keep(in, 3, 3);
        assertArrayEquals(mask("#../.../..."), out, "three 1-pixel components: the first in raster order");
    }

    @Test
    void aTieGoesToTheComponentWithTheLowestRasterIndex() {
        // two 2-pixel blobs: the one at index 2 (row 0) beats the one at index 8 (row 2)
        boolean[] in = mask("..##/..../##../....");
        assertArrayEquals(mask("..##/..../..../...."), LargestComponent.keep(in, 4, 4));
    }

    @Test
    void aUShapeIsOneComponent() {
        boolean[] in = mask("#.#/#.#/###");
        assertArrayEquals(in, LargestComponent.keep(in, 3, 3));
    }

    @Test
    void anEmptyMaskStaysEmpty() {
        assertArrayEquals(new boolean[6], LargestComponent.keep(new boolean[6], 2, 3));
    }

    @Test
    void aLargeMaskIsHandledWithoutRecursion() {
        int n = 1024;
        boolean[] in = new boolean[n * n];
        for (int r = 0; r < n; r++) {                         // a serpentine path: one long component
            for (int c = 0; c < n; c++) {
                in[r * n + c] = r % 2 == 0 || (r % 4 == 1 ? c == n - 1 : c == 0);
            }
        }
        in[n * n - 1] = true;
        int count = 0;
        for (boolean b : LargestComponent.keep(in, n, n)) {
            count += b ? 1 : 0;
        }
        int expected = 0;
        for (boolean b : in) {
            expected += b ? 1 : 0;
        }
        assertEquals(expected, count);
    }
}
