// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * Dice, IoU, precision, recall and F1 of binary segmentation masks, as the segmentation papers
 * report them (JMIR 2025: Dice 85.68%, IoU 75.80%). Empty-mask rules are on {@link OverlapResult}.
 */
public final class MaskOverlap {
    private MaskOverlap() {
    }

    /** Overlap of two boolean masks of equal length. */
    public static OverlapResult of(boolean[] predicted, boolean[] reference) {
        checkLengths(predicted.length, reference.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && reference[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (reference[i]) {
                fn++;
            }
        }
        return fromCounts(tp, fp, fn, predicted.length - tp - fp - fn);
    }

    /** Overlap of two byte masks of equal length; any non-zero byte is foreground. */
    public static OverlapResult of(byte[] predicted, byte[] reference) {
        checkLengths(predicted.length, reference.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            boolean p = predicted[i] != 0;
            boolean r = reference[i] != 0;
            if (p && r) {
                tp++;
            } else if (p) {
                fp++;
            } else if (r) {
                fn++;
            }
        }
        return fromCounts(tp, fp, fn, predicted.length - tp - fp - fn);
    }

    /** Overlap ratios from confusion counts (for masks accumulated over several slices or exams). */
    public static OverlapResult fromCounts(long tp, long fp, long fn, long tn) {
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("confusion counts must be >= 0");
        }
        if (tp + fp + fn == 0) {
            return new OverlapResult(tp, fp, fn, tn, 1, 1, 1, 1, 1);
        }
        double dice = 2.0 * tp / (2.0 * tp + fp + fn);
        double iou = (double) tp / (tp + fp + fn);
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new OverlapResult(tp, fp, fn, tn, dice, iou, precision, recall, f1);
    }

    private static void checkLengths(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("masks differ in length: " + a + " and " + b);
        }
    }
}
