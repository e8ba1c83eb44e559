// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/** Small synthetic masks for the ROI tests. */
final class Masks {
    private Masks() {
    }

    /** True inside the rectangle [x0, x1] x [y0, y1] (inclusive). */
    static boolean[] rectangle(int rows, int cols, int x0, int y0, int x1, int y1) {
        boolean[] m = new boolean[rows * cols];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                m[y * cols + x] = true;
            }
        }
        return m;
    }

    static boolean[] all(int n) {
        boolean[] m = new boolean[n];
        java.util.Arrays.fill(m, true);
        return m;
    }

    static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The set pixels' bounding box as {x0, y0, x1, y1}. */
    static int[] bounds(boolean[] m, int cols) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int i = 0; i < m.length; i++) {
            if (m[i]) {
                x0 = Math.min(x0, i % cols);
                x1 = Math.max(x1, i % cols);
                y0 = Math.min(y0, i / cols);
                y1 = Math.max(y1, i / cols);
            }
        }
        return new int[] {x0, y0, x1, y1};
    }
}
