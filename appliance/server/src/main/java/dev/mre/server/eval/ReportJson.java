// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.science.stats.BlandAltmanResult;
import dev.mre.science.stats.IccResult;
import dev.mre.science.stats.OverlapResult;
import dev.mre.science.stats.PearsonResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The evaluation as JSON (format {@value #FORMAT}): the same numbers as the markdown, unrounded
 * ratios (Dice 0..1, not percent), the papers' figures under {@code paper}. Non-finite values are
 * null.
 */
public final class ReportJson {
    public static final String FORMAT = "mre-evaluation/1";

    private ReportJson() {
    }

    public static JsonObject of(EvaluationReport r) {
        JsonArray models = new JsonArray();
        r.models().forEach(m -> models.add(new JsonObject().put("name", m.name()).put("task", m.task())
                .put("version", m.version()).put("installed", m.installed()).put("note", m.note())));
        JsonObject seg = new JsonObject();
        r.segmentation().forEach((name, s) -> {
            JsonObject stages = new JsonObject();
            s.perStage().forEach((st, x) -> stages.put(st, summary(x)));
            seg.put(name, new JsonObject().put("overall", summary(s.overall())).put("per_stage", stages));
        });
        JsonArray stiffness = new JsonArray();
        r.stiffness().forEach(a -> stiffness.add(agreement(a)));
        JsonArray exams = new JsonArray();
        for (EvaluationReport.ExamRecord e : r.perExam()) {
            JsonObject kpa = new JsonObject();
            e.stiffnessKpa().forEach((k, v) -> kpa.put(k, num(v)));
            exams.add(new JsonObject().put("seed", e.seed()).put("stage", e.stage()).put("vendor", e.vendor())
                    .put("slices", e.slices()).put("roi_pixels", e.roiPixels())
                    .put("ideal_roi_truth_kpa", num(e.idealRoiTruthKpa())).put("stiffness_kpa", kpa));
        }
        JsonObject ms = new JsonObject();
        r.msPerSlice().forEach((k, v) -> ms.put(k, num(v)));
        return new JsonObject().put("format", FORMAT).put("source", r.source()).put("backend", r.backend())
                .put("exams", r.exams()).put("slices", r.slices()).put("models", models)
                .put("segmentation", seg.put("definitions", "mean_* average the per-slice ratios; pooled sums the"
                        + " confusion counts of all slices; empty-mask rules of MaskOverlap"))
                .put("stiffness", new JsonObject().put("roi", r.stiffnessRoi()).put("agreement", stiffness))
                .put("per_exam", exams).put("ms_per_slice", ms).put("paper", paper());
    }

    private static JsonObject summary(SegmentationScore.Summary s) {
        OverlapResult p = s.pooled();
        return new JsonObject().put("exams", s.exams()).put("slices", s.slices()).put("mean_dice", num(s.meanDice()))
                .put("mean_iou", num(s.meanIou())).put("mean_f1", num(s.meanF1()))
                .put("pooled", new JsonObject().put("dice", num(p.dice())).put("iou", num(p.iou())).put("f1", num(p.f1()))
                        .put("precision", num(p.precision())).put("recall", num(p.recall())));
    }

    private static JsonObject agreement(StiffnessAgreement a) {
        IccResult icc = a.icc();
        PearsonResult r = a.pearson();
        BlandAltmanResult ba = a.blandAltman();
        JsonObject stages = new JsonObject();
        a.mapdByStage().forEach((k, v) -> stages.put(k, num(v)));
        return new JsonObject().put("method", a.method()).put("exams", a.exams()).put("excluded", a.excluded())
                .put("mapd_percent", num(a.mapdPercent()))
                .put("icc_a1", icc == null ? null : new JsonObject().put("icc", num(icc.icc()))
                        .put("lower", num(icc.lower())).put("upper", num(icc.upper())))
                .put("pearson", r == null ? null : new JsonObject().put("r", num(r.r())).put("lower", num(r.lower()))
                        .put("upper", num(r.upper())).put("p", num(r.pValue())))
                .put("bland_altman_kpa", ba == null ? null : new JsonObject().put("bias", num(ba.bias()))
                        .put("sd", num(ba.sd())).put("lower", num(ba.lower())).put("upper", num(ba.upper())))
                .put("mapd_percent_per_stage", stages).put("notes", new JsonArray(a.notes()));
    }

    private static JsonObject paper() {
        JsonObject stages = new JsonObject();
        PaperNumbers.STAGES.forEach(s -> stages.put(s, PaperNumbers.JMIR_DICE_BY_STAGE.get(s)));
        JsonArray icc = new JsonArray();
        PaperNumbers.NMR_ICC.forEach(v -> icc.add(new JsonObject().put("icc", v[0]).put("lower", v[1]).put("upper", v[2])));
        return new JsonObject()
                .put("jmir_2025", new JsonObject().put("citation", PaperNumbers.JMIR)
                        .put("dice_percent", PaperNumbers.JMIR_DICE).put("iou_percent", PaperNumbers.JMIR_IOU)
                        .put("f1_percent", PaperNumbers.JMIR_F1)
                        .put("plain_unet_dice_percent", PaperNumbers.JMIR_PLAIN_UNET_DICE)
                        .put("dice_percent_per_stage", stages).put("pearson_r", PaperNumbers.JMIR_PEARSON_R)
                        .put("test_patients", PaperNumbers.JMIR_TEST_PATIENTS))
                .put("nmr_biomed_2026", new JsonObject().put("citation", PaperNumbers.NMR_BIOMED)
                        .put("deviation_percent_best", PaperNumbers.NMR_BEST_DEVIATION_PERCENT)
                        .put("deviation_percent_all", PaperNumbers.NMR_ALL_DEVIATION_PERCENT)
                        .put("icc_a1", icc).put("volunteers", PaperNumbers.NMR_VOLUNTEERS));
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
