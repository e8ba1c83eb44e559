// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.inference.InferenceException;
import dev.mre.inference.ModelPackageException;
import dev.mre.inference.RuntimeOptions;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.server.process.DlInference;
import dev.mre.server.process.DlModels;
import dev.mre.server.process.DlOutput;
import dev.mre.server.process.ExamException;
import dev.mre.server.process.ExamReader;
import dev.mre.server.process.ExamReading;
import dev.mre.server.process.MapWriter;
import dev.mre.server.process.ModelsDir;
import dev.mre.server.process.ProcessSummary;
import dev.mre.server.process.RecognitionRules;
import dev.mre.server.process.SeriesReport;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code process --in DIR --out DIR}: one MRE exam from a folder of DICOM files to stiffness maps
 * and a JSON summary, offline. Exists so a physicist can run the physics path on any export (or a
 * phantom) and script against its output; the JSON goes to stdout, diagnostics to stderr.
 */
final class ProcessCommand implements Command, OptionSpec {
    private final PrintStream out;
    private final PrintStream err;

    ProcessCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public String summary() {
        return "compute stiffness maps of one MRE exam folder (DICOM in, .npy + JSON out)";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar process --in DIR --out DIR [--frequency HZ] [--method ahi|mdev|all]
                                          [--preset default|high-resolution]
                                                          [--models DIR] [--threads N]

                Reads every DICOM file under --in (recursively), recognises the MRE magnitude and phase
                images (GE-like: one series, (0043,102F) 0/1; Siemens-like: separate series, ImageType
                M/P), runs the physics path with the default inversion settings and writes the maps.
                Elastogram and confidence series are recognised and reported but never inverted.
                Every series decision and warning is printed to standard error. See docs/process.md.
                When the model packages liver-seg-edge and/or stiffness-unet are installed in the models
                folder, the DL liver mask and DL stiffness map are computed too (ONNX Runtime, CPU; the
                vendor masked elastogram is their elastogram input). Missing models: physics only, and
                the summary says which are absent. See docs/inference.md.

                options:
                  --in DIR          folder holding one MRE exam (DICOM files, any layout)
                  --out DIR         folder for the maps and summary.json (created if needed)
                  --frequency HZ    driver frequency; default: from the series description
                                    ("MRE 60Hz ..."), else 60 Hz with a warning
                  --method M        ahi, mdev or all (default all)
                  --preset P        inversion settings: default (liver: 5x5 window, low-pass
                                    100 1/m) or high-resolution (phantom QA, small inclusions at
                                    high SNR: 3x3 window, low-pass 200 1/m); docs/inversion.md
                  --models DIR      model packages folder; default: the first 'models' folder beside
                                    the jar or up to 4 folders above it, else ./models
                  --threads N       ONNX Runtime intra-op threads (default 2)

                output (in --out, arrays stacked (slices, rows, columns), numpy.load reads them):
                  <method>_kpa.npy          |G*| kPa float32, NaN where undefined
                  <method>_storage_kpa.npy, <method>_loss_kpa.npy   G', G'' kPa when the method gives them
                  confidence.npy            float32 in [0, 1];   mask95.npy  uint8, 1 = confidence >= 0.95
                  summary.json              the JSON printed on standard output
                  dl_liver_mask.npy         uint8 0/1, DL liver mask (when liver-seg-edge ran)
                  dl_stiffness_kpa.npy      float32 kPa, DL stiffness (when stiffness-unet ran)

                standard output: one JSON object, format "mre-process-summary/1":
                  {"quantity":"|G*|","unit":"kPa","frequency_hz":60.0,"methods":["ahi","mdev"],
                   "slices":[{"slice":0,"location_mm":0.0,"mask_fraction":0.41,
                     "methods":{"ahi":{"median_kpa":2.99,"mask_fraction":0.41,"quantity":"|G*|"},...}}],
                   "series":[{"series":"#1 'MRE 60Hz RAW'","used":true,"reason":"..."}],"files":{...}}
                  median_kpa: median |G*| inside the 95% confidence mask; null when the mask is empty.
                  per slice dl_liver_pixels, dl_median_kpa (DL stiffness median inside the DL liver mask;
                  null when a model did not run); "models": {"backend":"onnxruntime-cpu ...","used":[..],
                  "absent":[{"name":..,"reason":..}]}.

                exit codes:
                  0   maps and summary written
                  64  wrong usage (missing --in or --out, bad --frequency or --method)
                  65  the folder does not hold a usable MRE exam; the message says what is missing
                      or inconsistent, and in which slice, series or file
                  66  --in does not exist, is not a folder, or holds no files
                  70  ONNX Runtime failed while running an installed model
                  73  --out cannot be created or written
                  78  an installed model package is broken: malformed manifest, model.onnx changed
                      (SHA-256 differs) or incompatible; nothing was processed. Reinstall it
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("in", "out", "frequency", "method", "models", "threads", "preset");
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected operand '" + args.positional().get(0) + "'; use --in DIR");
        }
        String in = args.get("in");
        String outDir = args.get("out");
        if (in == null || outDir == null) {
            throw new UsageException("--in DIR and --out DIR are required");
        }
        List<InversionMethod> methods = methods(args.get("method", "all"));
        InversionConfig inversion = preset(args.get("preset", "default"));
        RecognitionRules rules = RecognitionRules.defaults();
        if (args.has("frequency")) {
            rules = rules.withFrequency(frequency(args.get("frequency")));
        }
        int threads = threads(args.get("threads", "2"));
        Path target = Path.of(outDir);
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            err.println("process: cannot create output folder " + outDir + ": " + e);
            return ExitCode.CANT_CREATE;
        }
        if (!Files.isWritable(target)) {
            err.println("process: output folder " + outDir + " is not writable; choose another --out");
            return ExitCode.CANT_CREATE;
        }
        DlModels models;
        try {
            models = DlModels.load(ModelsDir.resolve(args.get("models")), RuntimeOptions.defaults().withThreads(threads));
        } catch (ModelPackageException e) {
            err.println("process: model package refused: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        try (models) {
            return run(in, outDir, target, rules, methods, models, inversion);
        }
    }

    private int run(String in, String outDir, Path target, RecognitionRules rules, List<InversionMethod> methods,
                    DlModels models, InversionConfig inversion) {
        ExamReading reading;
        try {
            reading = new ExamReader(rules).read(Path.of(in));
        } catch (ExamException e) {
            for (SeriesReport s : e.series()) {
                err.printf(Locale.ROOT, "process: series %s, %d files: %s%n", s.series(), s.files(), s.reason());
            }
            err.println("process: " + e.getMessage());
            return e.noInput() ? ExitCode.NO_INPUT : ExitCode.DATA_ERROR;
        }
        report(reading);
        List<SliceResult> results = PhysicsPipeline.run(reading.exam(), inversion);
        DlInference.Result dl;
        try {
            dl = DlInference.run(models, reading);
        } catch (InferenceException e) {
            err.println("process: DL inference failed: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
        report(models, dl);
        JsonObject summary;
        try {
            Map<String, String> files = new LinkedHashMap<>(MapWriter.writeMaps(target, results, methods));
            Map<String, String> dlFiles = DlOutput.writeMaps(target, dl, reading.exam().rows(), reading.exam().cols());
            summary = DlOutput.addTo(ProcessSummary.of(reading, results, methods, files), models, dl, dlFiles)
                    .put("inversion", new io.vertx.core.json.JsonObject().put("preset", presetName(inversion))
                            .put("window_radius", inversion.windowRadius())
                            .put("low_pass_per_m", inversion.lowPassCutoffPerM()));
            MapWriter.writeSummary(target, summary);
        } catch (IOException e) {
            err.println("process: cannot write the maps to " + outDir + ": " + e + "; check free space and permissions");
            return ExitCode.CANT_CREATE;
        }
        out.println(summary.encodePrettily());
        err.printf(Locale.ROOT, "process: study %s, %d slices -> %s%n", reading.studyUid(), results.size(), outDir);
        return ExitCode.OK;
    }

    private void report(ExamReading reading) {
        for (SeriesReport s : reading.series()) {
            err.printf(Locale.ROOT, "process: series %s, %d files: %s%n", s.series(), s.files(), s.reason());
        }
        err.printf(Locale.ROOT, "process: %d slices x %d offsets, %dx%d, driver %s Hz (%s); phase: %s%n",
                reading.exam().slices().size(), reading.exam().slices().get(0).offsets(), reading.exam().rows(),
                reading.exam().cols(), reading.exam().frequencyHz(), reading.frequencySource(), reading.phaseScaling());
        reading.warnings().forEach(w -> err.println("process: warning: " + w));
    }

    private void report(DlModels models, DlInference.Result dl) {
        dl.ran().forEach((name, version) -> err.println("process: model " + version + " ran ("
                + models.backend().describe() + ")"));
        models.absent().forEach(a -> err.println("process: model " + a.name() + " absent: " + a.reason()));
        dl.skipped().forEach(a -> err.println("process: model " + a.name() + " not run: " + a.reason()));
    }

    private static int threads(String s) throws UsageException {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw new UsageException("--threads needs a thread count from 1 to 256, got '" + s + "'");
    }

    private static String presetName(InversionConfig c) {
        return c.equals(InversionConfig.highResolution()) ? "high-resolution"
                : c.equals(InversionConfig.defaults()) ? "default" : "custom";
    }

    private static InversionConfig preset(String name) throws UsageException {
        return switch (name) {
            case "default" -> InversionConfig.defaults();
            case "high-resolution" -> InversionConfig.highResolution();
            default -> throw new UsageException("--preset must be default or high-resolution, got '" + name + "'");
        };
    }

    private static List<InversionMethod> methods(String s) throws UsageException {
        if (s.equals("all")) {
            return List.of(InversionMethod.values());
        }
        for (InversionMethod m : InversionMethod.values()) {
            if (ProcessSummary.id(m).equals(s)) {
                return List.of(m);
            }
        }
        throw new UsageException("--method must be one of " + Arrays.stream(InversionMethod.values())
                .map(ProcessSummary::id).toList() + " or all, got '" + s + "'");
    }

    private static double frequency(String s) throws UsageException {
        try {
            double hz = Double.parseDouble(s);
            if (hz > 0 && hz < 10000) {
                return hz;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw new UsageException("--frequency needs a driver frequency in Hz (e.g. 60), got '" + s + "'");
    }
}
