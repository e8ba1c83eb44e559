// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation as markdown tables, the seed papers' figures in rows and columns beside ours
 * (docs/evaluation.md is written from this output). Percentages have two decimals, kPa three.
 */
public final class ReportMarkdown {
    private static final String NONE = "–";

    private ReportMarkdown() {
    }

    public static String render(EvaluationReport r) {
        StringBuilder b = new StringBuilder();
        b.append("## Held-out test split\n\n");
        b.append(String.format(Locale.ROOT, "%d exams, %d slices; %s.%n", r.exams(), r.slices(), r.source()));
        b.append("Inference: ").append(r.backend() == null ? "no model installed" : r.backend()).append(".\n\n");
        b.append("| model | task | version | status |\n|---|---|---|---|\n");
        for (EvaluationReport.ModelStatus m : r.models()) {
            b.append(row(m.name(), m.task() == null ? NONE : m.task(), m.version() == null ? NONE : m.version(),
                    m.installed() ? "evaluated" : "not installed: " + brief(m.note())));
        }
        segmentation(b, r, "Measurement ROI segmentation (truth: ideal ROI)", true);
        segmentation(b, r, "Liver segmentation (truth: liver label)", false);
        stiffness(b, r);
        timing(b, r);
        return b.toString();
    }

    private static void segmentation(StringBuilder b, EvaluationReport r, String title, boolean roi) {
        List<EvaluationReport.ModelStatus> models = r.models().stream().filter(m -> m.name().startsWith("roi-seg") == roi)
                .toList();
        b.append("\n## ").append(title).append("\n\n");
        b.append("Percent. Each cell: mean of the per-slice values (pooled over all pixels of all slices in"
                + " brackets). F1 equals Dice for binary masks.\n\n");
        b.append("| model | slices | Dice | IoU | F1 | paper |\n|---|---|---|---|---|---|\n");
        for (EvaluationReport.ModelStatus m : models) {
            SegmentationScore s = r.segmentation().get(m.name());
            String paper = paper(m.name());
            if (s == null) {
                b.append(row(m.name(), NONE, "not installed", NONE, NONE, paper));
                continue;
            }
            SegmentationScore.Summary o = s.overall();
            b.append(row(m.name(), Integer.toString(o.slices()), pair(o.meanDice(), o.pooled().dice()),
                    pair(o.meanIou(), o.pooled().iou()), pair(o.meanF1(), o.pooled().f1()), paper));
        }
        b.append("\nDice per fibrosis stage, percent, per-slice mean (pooled) (n = exams):\n\n");
        b.append("| model |").append(String.join(" |", PaperNumbers.STAGES.stream().map(st -> " " + st).toList()))
                .append(" |\n|---|").append("---|".repeat(PaperNumbers.STAGES.size())).append('\n');
        if (roi) {
            b.append("| paper: ").append(PaperNumbers.JMIR).append(" |");
            PaperNumbers.STAGES.forEach(st -> b.append(' ').append(pct(PaperNumbers.JMIR_DICE_BY_STAGE.get(st) / 100))
                    .append(" |"));
            b.append('\n');
        }
        for (EvaluationReport.ModelStatus m : models) {
            SegmentationScore s = r.segmentation().get(m.name());
            b.append("| ").append(m.name()).append(" |");
            for (String st : PaperNumbers.STAGES) {
                SegmentationScore.Summary x = s == null ? null : s.perStage().get(st);
                b.append(' ').append(x == null ? NONE : pair(x.meanDice(), x.pooled().dice()) + " (n=" + x.exams() + ")")
                        .append(" |");
            }
            b.append('\n');
        }
    }

    private static String paper(String model) {
        return switch (model) {
            case "roi-seg-resnext50" -> String.format(Locale.ROOT, "Dice %.2f, IoU %.2f, F1 %.2f (JMIR 2025, this"
                    + " architecture, %d patients)", PaperNumbers.JMIR_DICE, PaperNumbers.JMIR_IOU, PaperNumbers.JMIR_F1,
                    PaperNumbers.JMIR_TEST_PATIENTS);
            case "roi-seg-unet" -> String.format(Locale.ROOT, "Dice %.2f (JMIR 2025 plain U-Net)",
                    PaperNumbers.JMIR_PLAIN_UNET_DICE);
            case "roi-seg-edge" -> "no counterpart (lean variant of this project)";
            default -> "no Dice reported (NMR Biomed 2026 outputs liver masks)";
        };
    }

    private static void stiffness(StringBuilder b, EvaluationReport r) {
        b.append("\n## Liver stiffness against the truth\n\n");
        b.append("ROI: ").append(r.stiffnessRoi()).append(". Truth: the simulator's |G*| map measured in the same ROI."
                + " Bland-Altman: method minus truth, limits bias ± 1.96 SD.\n\n");
        b.append("| method | n | MAPD % | ICC(A,1) [95% CI] | Pearson r [95% CI] | bias kPa | 95% limits kPa |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        String icc = String.join("; ", PaperNumbers.NMR_ICC.stream().map(v -> String.format(Locale.ROOT,
                "%.2f [%.2f, %.2f]", v[0], v[1], v[2])).toList());
        b.append(row("paper: " + PaperNumbers.NMR_BIOMED + ", DL vs manual",
                PaperNumbers.NMR_VOLUNTEERS + " volunteers", String.format(Locale.ROOT, "< %.0f best, < %.0f all",
                        PaperNumbers.NMR_BEST_DEVIATION_PERCENT, PaperNumbers.NMR_ALL_DEVIATION_PERCENT), icc, NONE, NONE,
                NONE));
        b.append(row("paper: " + PaperNumbers.JMIR + ", automated vs manual ROI", PaperNumbers.JMIR_TEST_PATIENTS
                + " patients", NONE, NONE, String.format(Locale.ROOT, "%.3f", PaperNumbers.JMIR_PEARSON_R), NONE, NONE));
        for (StiffnessAgreement a : r.stiffness()) {
            b.append(row(label(a.method()), a.excluded() == 0 ? a.exams() + " exams" : a.exams() + " exams ("
                    + a.excluded() + " without ROI)", num(a.mapdPercent(), 2),
                    a.icc() == null ? NONE : String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", a.icc().icc(),
                            a.icc().lower(), a.icc().upper()),
                    a.pearson() == null ? NONE : String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", a.pearson().r(),
                            a.pearson().lower(), a.pearson().upper()),
                    a.blandAltman() == null ? NONE : num(a.blandAltman().bias(), 3),
                    a.blandAltman() == null ? NONE : "[" + num(a.blandAltman().lower(), 3) + ", "
                            + num(a.blandAltman().upper(), 3) + "]"));
        }
        if (r.stiffness().stream().anyMatch(a -> !a.notes().isEmpty())) {
            b.append('\n');
        }
        r.stiffness().forEach(a -> a.notes().forEach(n -> b.append(label(a.method())).append(": ").append(n)
                .append(".\n")));
        if (r.stiffness().isEmpty()) {
            return;
        }
        b.append("\nMAPD per fibrosis stage, percent (the papers give none per stage):\n\n| method |");
        PaperNumbers.STAGES.forEach(st -> b.append(' ').append(st).append(" |"));
        b.append("\n|---|").append("---|".repeat(PaperNumbers.STAGES.size())).append('\n');
        for (StiffnessAgreement a : r.stiffness()) {
            b.append("| ").append(label(a.method())).append(" |");
            PaperNumbers.STAGES.forEach(st -> b.append(' ').append(a.mapdByStage().containsKey(st)
                    ? num(a.mapdByStage().get(st), 2) : NONE).append(" |"));
            b.append('\n');
        }
        b.append("\nPer exam, kPa (ROI stiffness by method; last column: truth over the ideal ROI):\n\n");
        b.append("| seed | stage | vendor | ROI px | truth |");
        Evaluation.METHODS.forEach(m -> b.append(' ').append(m).append(" |"));
        b.append(" ideal-ROI truth |\n|---|---|---|---|---|").append("---|".repeat(Evaluation.METHODS.size() + 1))
                .append('\n');
        for (EvaluationReport.ExamRecord e : r.perExam()) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %s |", e.seed(), e.stage(), e.vendor(),
                    e.roiPixels(), kpa(e.stiffnessKpa(), Evaluation.TRUTH)));
            Evaluation.METHODS.forEach(m -> b.append(' ').append(kpa(e.stiffnessKpa(), m)).append(" |"));
            b.append(' ').append(num(e.idealRoiTruthKpa(), 3)).append(" |\n");
        }
    }

    private static void timing(StringBuilder b, EvaluationReport r) {
        b.append("\n## Timing\n\nMean wall time per slice, ms (models: pre-processing, ONNX Runtime,"
                + " post-processing; physics: both inversions and the confidence map):\n\n| step | ms/slice |\n|---|---|\n");
        r.msPerSlice().forEach((k, v) -> b.append(row(k, num(v, 1))));
    }

    /** A not-installed reason without its exception detail (the JSON keeps it whole). */
    private static String brief(String note) {
        int cut = note.indexOf(" (");
        return cut > 0 ? note.substring(0, cut) : note;
    }

    static String label(String method) {
        Map<String, String> labels = Map.of(Evaluation.DL, "(a) DL map, stiffness-unet",
                Evaluation.PHYSICS_AHI, "(b) physics inversion, AHI (reported by the appliance)",
                Evaluation.PHYSICS_MDEV, "(b) physics inversion, MDEV",
                Evaluation.VENDOR, "reference: vendor elastogram (simulated)");
        return labels.getOrDefault(method, method);
    }

    private static String kpa(Map<String, Double> m, String key) {
        Double v = m.get(key);
        return v == null ? NONE : num(v, 3);
    }

    private static String pair(double perImage, double pooled) {
        return pct(perImage) + " (" + pct(pooled) + ")";
    }

    private static String pct(double ratio) {
        return num(100 * ratio, 2);
    }

    static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
