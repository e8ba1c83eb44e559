// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.science.stats.MaskOverlap;
import dev.mre.science.stats.OverlapResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dice, IoU and F1 of one segmentation model over the test slices, overall and per fibrosis stage,
 * in the two ways papers report them: the mean of the per-image (per-slice) ratios, and the ratios
 * of the confusion counts pooled over every pixel of every slice. Pooled weights large masks more;
 * the per-image mean weights every slice alike. Empty-mask rules are MaskOverlap's (both empty: 1).
 *
 * @param overall  every slice
 * @param perStage slices of the exams of each stage seen, by stage label in order
 */
public record SegmentationScore(Summary overall, Map<String, Summary> perStage) {

    public SegmentationScore {
        perStage = Collections.unmodifiableMap(new TreeMap<>(perStage));
    }

    /** One slice's overlap with its truth. */
    public record SliceOverlap(long exam, String stage, OverlapResult overlap) {
    }

    /**
     * Scores of a set of slices.
     *
     * @param exams    distinct exams
     * @param slices   slices scored
     * @param meanDice mean of the per-slice Dice
     * @param meanIou  mean of the per-slice IoU
     * @param meanF1   mean of the per-slice F1 (equals meanDice under MaskOverlap's rules)
     * @param pooled   overlap of the summed confusion counts of all slices
     */
    public record Summary(int exams, int slices, double meanDice, double meanIou, double meanF1, OverlapResult pooled) {
    }

    /** The overlap of one predicted mask with its truth. */
    public static SliceOverlap slice(long exam, String stage, boolean[] predicted, boolean[] truth) {
        return new SliceOverlap(exam, stage, MaskOverlap.of(predicted, truth));
    }

    /** Scores of the given slices; at least one. */
    public static SegmentationScore of(List<SliceOverlap> slices) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("no slices to score");
        }
        Map<String, List<SliceOverlap>> byStage = new TreeMap<>();
        for (SliceOverlap s : slices) {
            byStage.computeIfAbsent(s.stage(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Summary> perStage = new TreeMap<>();
        byStage.forEach((stage, list) -> perStage.put(stage, summarise(list)));
        return new SegmentationScore(summarise(slices), perStage);
    }

    static Summary summarise(List<SliceOverlap> slices) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        double dice = 0;
        double iou = 0;
        double f1 = 0;
        for (SliceOverlap s : slices) {
            OverlapResult o = s.overlap();
            tp += o.truePositives();
            fp += o.falsePositives();
            fn += o.falseNegatives();
            tn += o.trueNegatives();
            dice += o.dice();
            iou += o.iou();
            f1 += o.f1();
        }
        int n = slices.size();
        int exams = (int) slices.stream().mapToLong(SliceOverlap::exam).distinct().count();
        return new Summary(exams, n, dice / n, iou / n, f1 / n, MaskOverlap.fromCounts(tp, fp, fn, tn));
    }
}
