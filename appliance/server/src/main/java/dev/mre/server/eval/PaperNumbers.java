// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import java.util.List;
import java.util.Map;

/**
 * The figures the two seed papers report (MRE_PRIMER.md, "The two seed papers"), printed beside
 * ours. Their data are real patients and volunteers with manual references; ours are synthetic
 * phantoms with a known truth, so the columns sit side by side, they do not measure the same thing.
 */
public final class PaperNumbers {
    /** The JMIR 2025 citation as the tables print it. */
    public static final String JMIR = "JMIR Med Inform 2025, UNet-ResNeXt50-32x4d";
    /** The NMR Biomed 2026 citation as the tables print it. */
    public static final String NMR_BIOMED = "NMR Biomed 2026, unified DL framework";

    /** JMIR 2025 test-set Dice, IoU, F1 of the measurement region, percent. */
    public static final double JMIR_DICE = 85.68;
    public static final double JMIR_IOU = 75.80;
    public static final double JMIR_F1 = 85.68;
    /** JMIR 2025's plain U-Net baseline Dice, percent. */
    public static final double JMIR_PLAIN_UNET_DICE = 82.59;
    /** JMIR 2025 Dice per fibrosis stage, percent. */
    public static final Map<String, Double> JMIR_DICE_BY_STAGE = Map.of("F0", 87.47, "F1", 87.98, "F2", 84.11,
            "F3", 80.54, "F4", 84.00);
    /** JMIR 2025 Pearson r between automated and manual ROI stiffness. */
    public static final double JMIR_PEARSON_R = 0.943;
    /** JMIR 2025 test patients. */
    public static final int JMIR_TEST_PATIENTS = 228;

    /** NMR Biomed 2026: liver stiffness within this percent of the reference in its best configuration. */
    public static final double NMR_BEST_DEVIATION_PERCENT = 3;
    /** NMR Biomed 2026: within this percent of the reference in every configuration. */
    public static final double NMR_ALL_DEVIATION_PERCENT = 11;
    /** NMR Biomed 2026 ICC(A,1) against manual, with 95% intervals: {icc, lower, upper} per reported pair. */
    public static final List<double[]> NMR_ICC = List.of(new double[] {0.86, 0.71, 0.95}, new double[] {0.89, 0.74, 0.97});
    /** NMR Biomed 2026 volunteers. */
    public static final int NMR_VOLUNTEERS = 83;

    /** The stages the tables have columns for. */
    public static final List<String> STAGES = List.of("F0", "F1", "F2", "F3", "F4");

    private PaperNumbers() {
    }
}
