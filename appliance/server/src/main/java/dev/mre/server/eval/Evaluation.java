// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.inference.InferenceException;
import dev.mre.inference.Manifest;
import dev.mre.inference.Model;
import dev.mre.inference.Predictor;
import dev.mre.inference.SliceOutput;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.measure.PixelGrid;
import dev.mre.science.measure.Roi;
import dev.mre.science.measure.RoiBuilder;
import dev.mre.science.measure.RoiConfig;
import dev.mre.science.measure.RoiMeasurement;
import dev.mre.science.measure.SliceMeasurement;
import dev.mre.server.process.DlModels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The evaluation of issue 5 in one screen. Per held-out exam: every installed model through the
 * appliance's inference code (Predictor: manifest pre-processing, ONNX Runtime, post-processing),
 * its mask scored against the truth (ROI models: the ideal ROI; liver models: the liver label);
 * the physics inversion as the pipeline runs it; the measurement ROI as the pipeline builds it
 * (DL liver mask of {@value DlModels#LIVER} intersected with the physics 95% confidence mask,
 * 10 mm edge margin, vessels and their rim removed); and in that one ROI the area-weighted mean of
 * the truth map, the DL map of {@value DlModels#STIFFNESS}, both inversions and the vendor
 * elastogram (its unconfident pixels skipped). Then the statistics over exams.
 */
public final class Evaluation {
    /** The models scored, in table order. */
    public static final List<String> MODELS = List.of("roi-seg-resnext50", "roi-seg-unet", "roi-seg-edge",
            DlModels.LIVER, DlModels.STIFFNESS);
    /** Method ids of the stiffness rows; {@link #TRUTH} is the reference. */
    public static final String TRUTH = "truth";
    public static final String DL = DlModels.STIFFNESS;
    public static final String PHYSICS_AHI = "physics-ahi";
    public static final String PHYSICS_MDEV = "physics-mdev";
    public static final String VENDOR = "vendor-elastogram";
    public static final List<String> METHODS = List.of(DL, PHYSICS_AHI, PHYSICS_MDEV, VENDOR);
    /** The timing key of the inversion. */
    public static final String PHYSICS = "physics";

    private Evaluation() {
    }

    /**
     * Scores the given exams with the loaded models.
     *
     * @param exams    the held-out exams, loaded
     * @param models   the packages of {@link #MODELS} that are installed (absent ones are reported)
     * @param source   the exams' origin in words
     * @param progress one line per exam
     */
    public static EvaluationReport run(List<EvalExam> exams, DlModels models, String source, Consumer<String> progress)
            throws InferenceException {
        Map<String, Predictor> predictors = new LinkedHashMap<>();
        models.loaded().forEach((name, model) -> predictors.put(name, new Predictor(model)));
        Map<String, List<SegmentationScore.SliceOverlap>> overlaps = new LinkedHashMap<>();
        Map<String, Long> nanos = new LinkedHashMap<>();
        Map<String, List<StiffnessAgreement.ExamValue>> values = new LinkedHashMap<>();
        List<EvaluationReport.ExamRecord> records = new ArrayList<>();
        boolean stiffness = models.model(DlModels.LIVER) != null;
        int slices = 0;
        for (EvalExam exam : exams) {
            slices += exam.slices().size();
            Map<String, List<SliceOutput>> outputs = new LinkedHashMap<>();
            for (Map.Entry<String, Predictor> e : predictors.entrySet()) {
                long t0 = System.nanoTime();
                List<SliceOutput> out = e.getValue().predict(exam.modelInputs());
                nanos.merge(e.getKey(), System.nanoTime() - t0, Long::sum);
                outputs.put(e.getKey(), out);
                Manifest m = e.getValue().model().modelPackage().manifest();
                String mask = firstChannel(m, "mask");
                boolean roiTask = m.task().equals("roi-segmentation");
                for (int i = 0; i < out.size(); i++) {
                    EvalSlice s = exam.slices().get(i);
                    overlaps.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(SegmentationScore.slice(exam.seed(),
                            exam.stage(), out.get(i).masks().get(mask), roiTask ? s.truthRoi() : s.truthLiver()));
                }
            }
            long t0 = System.nanoTime();
            List<SliceResult> physics = PhysicsPipeline.run(exam.physicsInput(), InversionConfig.defaults());
            nanos.merge(PHYSICS, System.nanoTime() - t0, Long::sum);
            Map<String, Double> kpa = new LinkedHashMap<>();
            int roiPixels = 0;
            if (stiffness) {
                List<Roi> rois = rois(exam, outputs.get(DlModels.LIVER), firstChannel(manifest(models, DlModels.LIVER),
                        "mask"), physics);
                roiPixels = rois.stream().mapToInt(Roi::roiPixels).sum();
                kpa.put(TRUTH, measure(rois, exam.slices().stream().map(EvalSlice::truthKpa).toList()));
                if (outputs.containsKey(DL)) {
                    String map = firstChannel(manifest(models, DL), "map");
                    kpa.put(DL, measure(rois, outputs.get(DL).stream().map(o -> o.maps().get(map)).toList()));
                }
                kpa.put(PHYSICS_AHI, measure(rois, maps(physics, InversionMethod.AHI)));
                kpa.put(PHYSICS_MDEV, measure(rois, maps(physics, InversionMethod.MDEV)));
                kpa.put(VENDOR, measure(rois, exam.slices().stream().map(EvalSlice::vendorElastogramKpa).toList()));
                for (String method : METHODS) {
                    if (kpa.containsKey(method)) {
                        values.computeIfAbsent(method, k -> new ArrayList<>()).add(new StiffnessAgreement.ExamValue(
                                exam.seed(), exam.stage(), kpa.get(method), kpa.get(TRUTH)));
                    }
                }
            }
            records.add(new EvaluationReport.ExamRecord(exam.seed(), exam.stage(), exam.vendor(), exam.slices().size(),
                    exam.idealRoiTruthKpa(), roiPixels, kpa));
            progress.accept(String.format(Locale.ROOT, "exam %d (%s, %s): %d slices, ROI %d px, stiffness %s",
                    exam.seed(), exam.stage(), exam.vendor(), exam.slices().size(), roiPixels, kpa));
        }
        Map<String, SegmentationScore> segmentation = new LinkedHashMap<>();
        overlaps.forEach((name, list) -> segmentation.put(name, SegmentationScore.of(list)));
        List<StiffnessAgreement> agreement = new ArrayList<>();
        values.forEach((method, list) -> agreement.add(StiffnessAgreement.of(method, list)));
        Map<String, Double> ms = new LinkedHashMap<>();
        int n = slices;
        nanos.forEach((k, v) -> ms.put(k, v / 1e6 / n));
        String roi = stiffness ? "per slice: DL liver mask (" + DlModels.LIVER + ") AND physics 95% confidence mask, "
                + RoiConfig.defaults().edgeMarginMm() + " mm edge margin, vessels (holes) and a "
                + RoiConfig.defaults().vesselRimPixels() + "-pixel rim removed (RoiBuilder, as the pipeline);"
                + " exam value = area-weighted mean of the slice ROI means (RoiMeasurement.exam)"
                : "not evaluated: " + DlModels.LIVER + " is not installed, so there is no DL liver mask for the ROI";
        return new EvaluationReport(source, models.backend() == null ? null : models.backend().describe(), exams.size(),
                slices, statuses(models), segmentation, roi, agreement, records, ms);
    }

    private static List<Roi> rois(EvalExam exam, List<SliceOutput> liver, String channel, List<SliceResult> physics) {
        PixelGrid grid = new PixelGrid(exam.rows(), exam.cols(), exam.pixelMm(), exam.pixelMm());
        List<Roi> rois = new ArrayList<>();
        for (int i = 0; i < physics.size(); i++) {
            rois.add(RoiBuilder.build(grid, liver.get(i).masks().get(channel), physics.get(i).confidence().mask(),
                    RoiConfig.defaults()));
        }
        return rois;
    }

    private static List<float[]> maps(List<SliceResult> physics, InversionMethod method) {
        return physics.stream().map(r -> r.maps().get(method).values()).toList();
    }

    /** The exam value of a map in the slices' ROIs: the pipeline's area-weighted mean of slice means. */
    static double measure(List<Roi> rois, List<float[]> maps) {
        List<SliceMeasurement> slices = new ArrayList<>();
        for (int i = 0; i < rois.size(); i++) {
            slices.add(RoiMeasurement.slice(i, rois.get(i), maps.get(i)));
        }
        return RoiMeasurement.exam(slices).stiffnessKPa();
    }

    private static List<EvaluationReport.ModelStatus> statuses(DlModels models) {
        List<EvaluationReport.ModelStatus> out = new ArrayList<>();
        for (String name : MODELS) {
            Model m = models.model(name);
            if (m != null) {
                Manifest mf = m.modelPackage().manifest();
                out.add(new EvaluationReport.ModelStatus(name, mf.task(), mf.version(), true, ""));
            } else {
                String why = models.absent().stream().filter(a -> a.name().equals(name)).map(DlModels.Absent::reason)
                        .findFirst().orElse("not loaded");
                out.add(new EvaluationReport.ModelStatus(name, null, null, false, why));
            }
        }
        return out;
    }

    private static Manifest manifest(DlModels models, String name) {
        return models.model(name).modelPackage().manifest();
    }

    private static String firstChannel(Manifest m, String kind) {
        return m.output().channels().stream().filter(c -> c.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException(m.name() + " has no " + kind + " output")).name();
    }
}
