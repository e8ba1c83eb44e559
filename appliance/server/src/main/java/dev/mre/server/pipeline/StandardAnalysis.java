// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.io.DicomReader;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.measure.ExamMeasurement;
import dev.mre.science.measure.PixelGrid;
import dev.mre.science.measure.QualityCheck;
import dev.mre.science.measure.QualityThresholds;
import dev.mre.science.measure.ReviewFlag;
import dev.mre.science.measure.ReviewFlags;
import dev.mre.science.measure.Roi;
import dev.mre.science.measure.RoiBuilder;
import dev.mre.science.measure.RoiConfig;
import dev.mre.science.measure.RoiMeasurement;
import dev.mre.science.measure.SliceMeasurement;
import dev.mre.science.measure.StagingResult;
import dev.mre.science.measure.StagingTable;
import dev.mre.science.measure.StagingTables;
import dev.mre.server.config.AppConfig;
import dev.mre.server.process.ExamReading;
import dev.mre.server.process.ProcessSummary;
import dev.mre.server.results.ExamResult;
import dev.mre.server.results.ResultObjects;
import dev.mre.server.results.ResultOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The appliance's analysis of one exam, the composition of the science: physics inversion (both
 * methods; {@link #PRIMARY} gives the reported value), the learned liver mask and DL stiffness,
 * the ROI (liver ∩ 95% confidence, eroded, minus vessels), per-slice and exam measurement,
 * staging from the configured table, the physics/DL cross-check, and the four result objects.
 * Without a liver model the ROI is the confidence mask of the whole body and the result carries
 * a review flag saying so.
 */
public final class StandardAnalysis implements ExamAnalysis {
    /** The method whose map is measured and reported; the other is in the summary. */
    public static final InversionMethod PRIMARY = InversionMethod.AHI;
    public static final String ALGORITHM = "MRE appliance pipeline";
    public static final String VERSION = "0.3.0";

    /** The batch the networks are warmed up with: a liver MRE exam's usual slice count. */
    static final int WARM_UP_SLICES = 4;
    /** Whether the inversion runs beside the inference (a core to spare beyond the runtime's two). */
    static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 2;
    /** The inversion's thread (a daemon: it never keeps the JVM alive). */
    private static final java.util.concurrent.ExecutorService PHYSICS = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mre-physics");
        t.setDaemon(true);
        return t;
    });

    private final InversionConfig inversion;
    private final DeepModels models;
    private final RoiConfig roi;
    private final StagingTable staging;
    private final QualityThresholds quality;
    private final ResultOptions options;

    public StandardAnalysis(InversionConfig inversion, DeepModels models, RoiConfig roi, StagingTable staging,
                            QualityThresholds quality, ResultOptions options) {
        this.inversion = inversion;
        this.models = models;
        this.roi = roi;
        this.staging = staging;
        this.quality = quality;
        this.options = options;
    }

    /** The analysis with the model packages of {@code models.dir} (or the default folder) loaded. */
    public static StandardAnalysis create(AppConfig config) throws Exception {
        Path dir = dev.mre.server.process.ModelsDir.resolve(config.models().dir());
        finishInterruptedInstall(dir);
        DeepModels models = OnnxDeepModels.load(dir, dev.mre.inference.RuntimeOptions.defaults());
        org.slf4j.LoggerFactory.getLogger(StandardAnalysis.class).info("models: {}", models.describe());
        return create(config, models);
    }

    /**
     * A `models install` or `rollback` cut off between its two renames leaves the new package
     * staged and none active; finish that switch (as the next `models` command would) before
     * loading, so the appliance does not start without the model.
     */
    private static void finishInterruptedInstall(Path dir) throws IOException {
        dev.mre.server.models.ModelsFolder folder = new dev.mre.server.models.ModelsFolder(dir);
        if (!Files.isDirectory(dir) || !folder.hasLeftovers()) {
            return;
        }
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StandardAnalysis.class);
        try (java.io.Closeable lock = folder.lock()) {
            folder.recover().forEach(line -> log.warn("models folder {}: {}", dir, line));
        } catch (dev.mre.server.models.ModelsException busy) {
            log.warn("models folder {}: {}; loading what is active now", dir, busy.getMessage());
        }
    }

    public static StandardAnalysis create(AppConfig config, DeepModels models) {
        AppConfig.Measurement m = config.measurement();
        return new StandardAnalysis(InversionConfig.defaults(), models, m.roi(), m.staging(), m.review(),
                ResultOptions.defaults());
    }

    @Override
    public Result analyse(ExamReading reading, Path outDir) throws Exception {
        MreExam exam = reading.exam();
        long t0 = System.nanoTime();
        // Physics (plain Java, one thread) and the networks (ONNX Runtime's threads, or the GPU)
        // are independent: with a core to spare the inversion runs beside the inference; on two
        // cores, where the runtime already uses both, one after the other is faster.
        long[] physicsEnd = new long[1];
        java.util.concurrent.Callable<List<SliceResult>> inversionTask = () -> {
            List<SliceResult> r = PhysicsPipeline.run(exam, inversion);
            physicsEnd[0] = System.nanoTime();
            return r;
        };
        java.util.concurrent.Future<List<SliceResult>> physicsRun = PARALLEL ? PHYSICS.submit(inversionTask)
                : java.util.concurrent.CompletableFuture.completedFuture(inversionTask.call());
        long tp = System.nanoTime();
        DeepModels.Output dl;
        List<SliceResult> physics;
        long t1;
        try {
            dl = models.run(reading);
            t1 = System.nanoTime();
            physics = physicsRun.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new IllegalStateException(e.getCause());
        } finally {
            physicsRun.cancel(true);
        }
        long t2 = System.nanoTime();

        PixelGrid grid = PixelGrid.ofMetres(exam.rows(), exam.cols(), exam.rowSpacingM(), exam.colSpacingM());
        List<SliceMeasurement> measured = new ArrayList<>();
        List<SliceMeasurement> measuredDl = new ArrayList<>();
        List<Roi> rois = new ArrayList<>();
        List<boolean[]> livers = new ArrayList<>();
        for (int i = 0; i < physics.size(); i++) {
            SliceResult r = physics.get(i);
            boolean[] conf = r.confidence().mask();
            boolean[] liver = dl.liver() != null ? dl.liver()[i] : conf.clone();   // no liver model: the confident region
            Roi sliceRoi = RoiBuilder.build(grid, liver, conf, roi);
            rois.add(sliceRoi);
            livers.add(liver);
            measured.add(RoiMeasurement.slice(i, sliceRoi, r.maps().get(PRIMARY).values()));
            if (dl.stiffnessKpa() != null) {
                measuredDl.add(RoiMeasurement.slice(i, sliceRoi, dl.stiffnessKpa()[i]));
            }
        }
        ExamMeasurement examValue = RoiMeasurement.exam(measured);
        ExamMeasurement examDl = measuredDl.isEmpty() ? null : RoiMeasurement.exam(measuredDl);
        ReviewFlags checked = examDl == null ? QualityCheck.check(examValue, quality)
                : QualityCheck.check(examValue, examDl, quality);
        List<ExamResult.ReviewFlag> flags = new ArrayList<>();
        for (ReviewFlag f : checked.flags()) {
            flags.add(new ExamResult.ReviewFlag(f.code().name(), f.reason()));
        }
        if (dl.liver() == null) {
            flags.add(new ExamResult.ReviewFlag("NO_LIVER_MODEL", "no liver segmentation model is installed: the ROI is"
                    + " the confident region of the whole body, not of the liver"));
        }
        StagingResult stage = Double.isNaN(examValue.stiffnessKPa()) ? null : staging.stage(examValue.stiffnessKPa());
        long t3 = System.nanoTime();

        ExamResult result = examResult(reading, physics, livers, rois, measured, examValue, stage, flags);
        List<dev.mre.server.results.ResultObject> objects = ResultObjects.write(result, options);
        List<Written> written = new ArrayList<>();
        int n = 0;
        for (dev.mre.server.results.ResultObject o : objects) {
            Path f = outDir.resolve(String.format(Locale.ROOT, "%02d-%s.dcm", ++n, o.kind().shortName()));
            Files.write(f, o.part10());
            written.add(new Written(f, o));
        }
        long t4 = System.nanoTime();

        JsonObject summary = ProcessSummary.of(reading, physics, List.of(InversionMethod.values()), Map.of());
        JsonArray slices = summary.getJsonArray("slices");
        for (int i = 0; i < measured.size(); i++) {
            slices.getJsonObject(i).put("roi", roiJson(measured.get(i)))
                    .put("dl_roi_mean_kpa", measuredDl.isEmpty() ? null : num(measuredDl.get(i).meanKPa()));
        }
        JsonArray flagJson = new JsonArray();
        flags.forEach(f -> flagJson.add(new JsonObject().put("code", f.code()).put("reason", f.reason())));
        summary.put("exam", new JsonObject()
                .put("stiffness_kpa", num(examValue.stiffnessKPa()))
                .put("statistic", "area-weighted mean of slice ROI means, " + PRIMARY.name() + " |G*|")
                .put("roi_area_cm2", num(examValue.areaCm2()))
                .put("measured_slices", examValue.measuredSlices())
                .put("confidence_coverage", num(examValue.confidenceCoverage()))
                .put("dl_stiffness_kpa", examDl == null ? null : num(examDl.stiffnessKPa()))
                .put("stage", stage == null ? null : stage.stage().label())
                .put("stage_code", stage == null ? null : stage.stage().code())
                .put("staging_table", staging.name() + " v" + staging.version())
                .put("review", !flags.isEmpty())
                .put("flags", flagJson));
        JsonArray modelJson = new JsonArray();
        models.models().forEach(m -> modelJson.add(new JsonObject().put("name", m.name()).put("version", m.version())));
        summary.put("algorithm", new JsonObject().put("name", ALGORITHM).put("version", VERSION)
                .put("models", modelJson).put("liver_mask", dl.liverSource()));
        summary.put("stage_ms", new JsonObject().put("physics", ms(physicsEnd[0] - t0)).put("deep_models", ms(t1 - tp))
                .put("physics_and_models", ms(t2 - t0)).put("measure", ms(t3 - t2)).put("result_objects", ms(t4 - t3)));
        return new Result(written.stream().map(w -> new ExamAnalysis.ResultObject(w.file(), w.object().sopInstanceUid(),
                w.object().kind().shortName())).toList(), summary);
    }

    /**
     * Analyses a generated one-slice anatomical phantom (written as DICOM and read back as a
     * received exam would be) in a temporary folder, then deletes it.
     */
    @Override
    public void warmUp() throws Exception {
        long t0 = System.nanoTime();
        Path tmp = Files.createTempDirectory("mre-warm-up-");
        try {
            dev.mre.phantoms.exam.ExamSpec spec = dev.mre.phantoms.exam.ExamSpec.defaults(
                    dev.mre.phantoms.exam.PhantomKind.ANATOMICAL, 1).withMatrix(256, 256, 1);
            dev.mre.phantoms.Phantoms.generate(spec, dev.mre.phantoms.dicom.Vendor.SIEMENS, tmp.resolve("exam"), false);
            ExamReading reading = new dev.mre.server.process.ExamReader(dev.mre.server.process.RecognitionRules.defaults())
                    .read(tmp.resolve("exam/dicom"));
            Path out = Files.createDirectories(tmp.resolve("out"));
            long t1 = System.nanoTime();
            analyse(reading, out);
            models.warmUp(WARM_UP_SLICES);
            org.slf4j.LoggerFactory.getLogger(StandardAnalysis.class).info(
                    "warm-up: one generated phantom slice analysed and the networks run on a {}-slice batch in {} ms (phantom generated in {} ms)",
                    WARM_UP_SLICES, Math.round((System.nanoTime() - t1) / 1e6), Math.round((t1 - t0) / 1e6));
        } finally {
            dev.mre.server.ingest.DurableFiles.deleteTree(tmp);
        }
    }

    private record Written(Path file, dev.mre.server.results.ResultObject object) {
    }

    private ExamResult examResult(ExamReading reading, List<SliceResult> physics, List<boolean[]> livers, List<Roi> rois,
                                  List<SliceMeasurement> measured, ExamMeasurement exam, StagingResult stage,
                                  List<ExamResult.ReviewFlag> flags) throws IOException {
        MreExam e = reading.exam();
        Attributes source = null;
        List<ExamResult.Slice> slices = new ArrayList<>();
        for (int i = 0; i < physics.size(); i++) {
            Attributes a = DicomReader.readFile(reading.sliceSources().get(i)).dataset();
            a.remove(Tag.PixelData);
            if (source == null) {
                source = a;
            }
            ExamResult.Geometry g = new ExamResult.Geometry(a.getString(Tag.FrameOfReferenceUID, ""),
                    doubles(a.getStrings(Tag.ImagePositionPatient), 3), doubles(a.getStrings(Tag.ImageOrientationPatient), 6),
                    new double[] {e.rowSpacingM() * 1000, e.colSpacingM() * 1000},
                    positive(e.slices().get(i).thicknessM() * 1000), e.rows(), e.cols());
            SliceMeasurement m = measured.get(i);
            float[] magnitude = meanMagnitude(e.slices().get(i));
            slices.add(new ExamResult.Slice(new ExamResult.SourceImage(a.getString(Tag.SeriesInstanceUID),
                    a.getString(Tag.SOPClassUID), a.getString(Tag.SOPInstanceUID)), g,
                    physics.get(i).maps().get(PRIMARY).values(), magnitude, livers.get(i), rois.get(i).mask(),
                    new ExamResult.SliceValues(m.meanKPa(), m.medianKPa(), m.iqrKPa(), m.areaCm2(), m.measuredPixels())));
        }
        ExamResult.Stage st = stage == null
                ? new ExamResult.Stage("not staged (no measurement)", staging.name(), staging.version())
                : new ExamResult.Stage(stage.stage().label(), staging.name(), staging.version());
        return new ExamResult(source, slices, exam.stiffnessKPa(), st, flags,
                new ExamResult.Algorithm(ALGORITHM, VERSION, models.models()), LocalDateTime.now());
    }

    private static float[] meanMagnitude(MreSlice s) {
        float[][] m = s.magnitude();
        float[] out = new float[m[0].length];
        for (float[] o : m) {
            for (int k = 0; k < out.length; k++) {
                out[k] += o[k] / m.length;
            }
        }
        return out;
    }

    private static double positive(double mm) {
        return mm > 0 ? mm : 1;
    }

    private static double[] doubles(String[] s, int n) throws IOException {
        if (s == null || s.length != n) {
            throw new IOException("source image lacks a geometry attribute with " + n + " values");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Double.parseDouble(s[i].trim());
        }
        return d;
    }

    private static JsonObject roiJson(SliceMeasurement m) {
        return new JsonObject().put("mean_kpa", num(m.meanKPa())).put("median_kpa", num(m.medianKPa()))
                .put("iqr_kpa", num(m.iqrKPa())).put("area_cm2", num(m.areaCm2())).put("pixels", m.measuredPixels());
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 10000) / 10000.0;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
