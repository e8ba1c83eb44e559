// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * Holes of a binary mask: background pixels that cannot reach the image border through
 * 4-connected background pixels (as scipy.ndimage.binary_fill_holes with its default cross). A
 * background region touching the liver only diagonally is therefore still enclosed.
 */
final class Holes {
    private Holes() {
    }

    /** True for every background pixel enclosed by the mask. */
    static boolean[] of(boolean[] mask, int rows, int cols) {
        boolean[] outside = new boolean[mask.length];
        int[] stack = new int[mask.length];
        int top = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                boolean border = y == 0 || x == 0 || y == rows - 1 || x == cols - 1;
                int i = y * cols + x;
                if (border && !mask[i] && !outside[i]) {
                    outside[i] = true;
                    stack[top++] = i;
                }
            }
        }
        while (top > 0) {
            int i = stack[--top];
            int y = i / cols;
            int x = i % cols;
            if (y > 0) {
                top = visit(mask, outside, stack, top, i - cols);
            }
            if (y < rows - 1) {
                top = visit(mask, outside, stack, top, i + cols);
            }
            if (x > 0) {
                top = visit(mask, outside, stack, top, i - 1);
            }
            if (x < cols - 1) {
                top = visit(mask, outside, stack, top, i + 1);
            }
        }
        boolean[] holes = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            holes[i] = !mask[i] && !outside[i];
        }
        return holes;
    }

    private static int visit(boolean[] mask, boolean[] outside, int[] stack, int top, int j) {
        if (!mask[j] && !outside[j]) {
            outside[j] = true;
            stack[top++] = j;
        }
        return top;
    }
}
