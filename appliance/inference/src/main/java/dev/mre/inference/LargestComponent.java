// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

/**
 * Keeps the largest 4-connected component of a binary mask; among components of equal size the
 * one holding the lowest raster index wins (the contract's tie rule). An empty mask stays empty.
 * Iterative flood fill with an explicit queue, so large masks cannot overflow the stack.
 */
public final class LargestComponent {
    private LargestComponent() {
    }

    /** A new mask holding only the largest component of {@code mask} ({@code rows x cols}, row-major). */
    public static boolean[] keep(boolean[] mask, int rows, int cols) {
        if (mask.length != rows * cols) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + rows + "x" + cols);
        }
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            int id = ++next;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            while (head < tail) {
                int p = queue[head++];
                int r = p / cols;
                int c = p % cols;
                if (r > 0) {
                    tail = visit(mask, label, queue, tail, p - cols, id);
                }
                if (r < rows - 1) {
                    tail = visit(mask, label, queue, tail, p + cols, id);
                }
                if (c > 0) {
                    tail = visit(mask, label, queue, tail, p - 1, id);
                }
                if (c < cols - 1) {
                    tail = visit(mask, label, queue, tail, p + 1, id);
                }
            }
            if (tail > bestSize) {                 // strictly larger: ties keep the earlier (lower raster index)
                bestSize = tail;
                best = id;
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int k = 0; k < mask.length; k++) {
            out[k] = best != 0 && label[k] == best;
        }
        return out;
    }

    private static int visit(boolean[] mask, int[] label, int[] queue, int tail, int q, int id) {
        if (mask[q] && label[q] == 0) {
            label[q] = id;
            queue[tail++] = q;
        }
        return tail;
    }
}
