// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.inference.InferenceException;
import dev.mre.inference.ModelPackageException;
import dev.mre.inference.RuntimeOptions;
import dev.mre.server.eval.EvalExam;
import dev.mre.server.eval.Evaluation;
import dev.mre.server.eval.EvaluationReport;
import dev.mre.server.eval.ExamSource;
import dev.mre.server.eval.NpySplit;
import dev.mre.server.eval.ReportJson;
import dev.mre.server.eval.ReportMarkdown;
import dev.mre.server.eval.SimulatedSplit;
import dev.mre.server.process.DlModels;
import dev.mre.server.process.ModelsDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code evaluate}: the model evaluation of issue 5 on the held-out synthetic test split, computed
 * by the appliance's own inference, inversion, ROI and statistics code; markdown tables on
 * standard output with the seed papers' figures beside ours, optionally the same as JSON.
 */
final class EvaluateCommand implements Command, OptionSpec {
    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "score the model packages on the held-out phantom test split, beside the papers";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar evaluate [--models DIR] [--exams N] [--threads N]
                                                           [--data DIR] [--json FILE]

                Regenerates in memory the test split of the phantom batch the shipped models were trained
                on (phantoms batch --seed 0 --count 800: seeds 0..199, split (seed/10) mod 10 = 9, i.e.
                seeds 90..99 and 190..199; 20 exams x 4 slices), or reads it from --data. Runs every
                installed package of roi-seg-resnext50, roi-seg-unet, roi-seg-edge, liver-seg-edge and
                stiffness-unet (ONNX Runtime, CPU) and scores its mask against the truth: Dice, IoU, F1
                per slice averaged and pooled, overall and per stage F0..F4. Then per exam the liver
                stiffness in the pipeline's ROI (DL liver mask AND 95% confidence, 10 mm margin, no
                vessels) from the DL map, the physics inversion (AHI, MDEV) and the vendor elastogram,
                against the true |G*| in the same ROI: MAPD, ICC(A,1) with 95% CI, Pearson r,
                Bland-Altman. A package without model.onnx is reported as not installed. See
                docs/evaluation.md.

                options:
                  --models DIR   model packages folder; default: the first 'models' folder beside the jar
                                 or up to 4 folders above it, else ./models
                  --exams N      evaluate only the first N test exams (default: all 20)
                  --threads N    exam generation workers and ONNX Runtime intra-op threads (default 2)
                  --data DIR     read DIR/test/exam-<seed>/ (phantoms batch --format npy) instead of
                                 generating the exams
                  --json FILE    also write the results as JSON (format mre-evaluation/1)

                standard output: markdown tables; standard error: one progress line per exam.

                exit codes:
                  0   evaluated
                  64  wrong usage
                  66  --data does not hold a test split of .npy exams
                  70  ONNX Runtime failed while running a model, or an internal error
                  73  --json cannot be written
                  78  an installed model package is broken (malformed, changed or incompatible)
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("models", "exams", "threads", "data", "json");
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected operand '" + args.positional().get(0) + "'");
        }
        int exams = args.getInt("exams", Integer.MAX_VALUE);
        int threads = args.getInt("threads", 2);
        if (exams < 1 || threads < 1 || threads > 256) {
            throw new UsageException("--exams needs at least 1 and --threads 1 to 256");
        }
        ExamSource source;
        try {
            source = args.has("data") ? NpySplit.open(Path.of(args.get("data"))) : new SimulatedSplit();
        } catch (IOException e) {
            err.println("evaluate: " + e.getMessage());
            return ExitCode.NO_INPUT;
        }
        Path models = ModelsDir.resolve(args.get("models"));
        DlModels loaded;
        try {
            loaded = DlModels.load(models, RuntimeOptions.defaults().withThreads(threads), Evaluation.MODELS);
        } catch (ModelPackageException e) {
            err.println("evaluate: model package refused: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        try (loaded) {
            loaded.absent().forEach(a -> err.println("evaluate: model " + a.name() + " not installed: " + a.reason()));
            long t0 = System.nanoTime();
            List<EvalExam> list;
            try {
                list = source.loadFirst(exams, threads);
            } catch (IOException e) {
                err.println("evaluate: cannot read the test exams: " + e.getMessage());
                return ExitCode.NO_INPUT;
            }
            err.printf(Locale.ROOT, "evaluate: %d test exams %s in %.1f s%n", list.size(),
                    args.has("data") ? "read" : "generated", (System.nanoTime() - t0) / 1e9);
            EvaluationReport report;
            try {
                report = Evaluation.run(list, loaded, source.describe(), line -> err.println("evaluate: " + line));
            } catch (InferenceException e) {
                err.println("evaluate: inference failed: " + e.getMessage());
                return ExitCode.SOFTWARE;
            }
            out.print(ReportMarkdown.render(report));
            if (args.has("json")) {
                Path json = Path.of(args.get("json"));
                try {
                    Files.writeString(json, ReportJson.of(report).encodePrettily() + "\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("evaluate: cannot write " + json + ": " + e + "; check the folder and permissions");
                    return ExitCode.CANT_CREATE;
                }
            }
            err.printf(Locale.ROOT, "evaluate: %d exams, %d slices in %.1f s%n", report.exams(), report.slices(),
                    (System.nanoTime() - t0) / 1e9);
            return ExitCode.OK;
        }
    }
}
