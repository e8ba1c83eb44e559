// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.phantoms.Batch;
import dev.mre.phantoms.Phantoms;
import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.dicom.Vendor;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamPicture;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code phantoms generate|batch}: digital MRE phantom exams with ground truth, for tests, training
 * data, demos and the physicist's digital QA (test-phantoms module, docs/phantoms.md).
 */
public final class PhantomsCommand implements Command, OptionSpec {

    @Override
    public String name() {
        return "phantoms";
    }

    @Override
    public String summary() {
        return "generate digital MRE phantom exams (DICOM + ground truth)";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: phantoms generate --kind homogeneous|inclusions|anatomical [--stage F0..F4]",
                "                         [--stiffness kPa] [--snr N] [--vendor ge|siemens] [--seed N]",
                "                         [--offsets 3..8] [--rows 256|204] [--slices N] [--resp-shift mm]",
                "                         [--png] --out DIR",
                "       phantoms batch --out DIR --count SLICES [--seed FIRST] [--threads N] [--snr N]",
                "                      [--format dicom|npy]",
                "",
                "generate  one exam: DIR/dicom/<series>/IMnnnn.dcm (MR Image Storage) and DIR/truth/",
                "          (|G*|, G', G'' kPa, labels, ideal ROI as .npy; truth.json). --png also writes",
                "          DIR/preview.png (magnitude, wave, true stiffness of slice 2). --resp-shift: standard",
                "          deviation (mm) of the per-slice anteroposterior shift of the viscera (breath-holds).",
                "batch     a training set of anatomical exams, stages cycling F0..F4, vendors alternating,",
                "          split train/val/test by seed (seed mod 10: 0-7, 8, 9) under DIR/<split>/exam-<seed>/.",
                "          --format npy writes truth/ plus images/magnitude.npy and images/phase_rad.npy",
                "          (slices, offsets, rows, columns) instead of DICOM.",
                "Same options and seed give byte-identical files.");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("kind", "stage", "stiffness", "snr", "vendor", "seed", "out", "count", "threads", "offsets",
                "rows", "slices", "resp-shift", "format");
    }

    @Override
    public Set<String> switchOptions() {
        return Set.of("png");
    }

    @Override
    public int run(Args args) throws Exception {
        List<String> pos = args.positional();
        if (pos.size() != 1 || !(pos.get(0).equals("generate") || pos.get(0).equals("batch"))) {
            throw new UsageException("say 'phantoms generate ...' or 'phantoms batch ...'");
        }
        String out = args.get("out");
        if (out == null) {
            throw new UsageException("--out DIR is required");
        }
        ExamSpec spec = spec(args);
        if (pos.get(0).equals("batch")) {
            int count = args.getInt("count", 0);
            if (count < 1) {
                throw new UsageException("--count SLICES (at least 1) is required for batch");
            }
            int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
            long t0 = System.nanoTime();
            String format = args.get("format", "dicom");
            if (!format.equals("dicom") && !format.equals("npy")) {
                throw new UsageException("--format dicom|npy");
            }
            List<Path> dirs = Batch.run(Path.of(out), count, spec.seed(), spec, Math.max(1, threads),
                    format.equals("dicom"));
            System.out.printf(Locale.ROOT, "phantoms: %d exams (%d slices) in %.1f s under %s%n", dirs.size(),
                    dirs.size() * spec.slices(), (System.nanoTime() - t0) / 1e9, out);
            return ExitCode.OK;
        }
        Vendor vendor = parse(() -> Vendor.parse(args.get("vendor", "ge")), "--vendor ge|siemens");
        Exam exam = Phantoms.generate(spec, vendor, Path.of(out), true);
        if (args.has("png")) {
            ExamPicture.write(exam, Math.min(1, exam.slices().size() - 1), Path.of(out, "preview.png"));
        }
        System.out.printf(Locale.ROOT, "phantoms: %s exam, seed %d, %d slices, true ROI |G*| %s kPa -> %s%n",
                spec.kind().id(), spec.seed(), exam.slices().size(),
                Double.isNaN(exam.roiKPa()) ? "n/a" : String.format(Locale.ROOT, "%.3f", exam.roiKPa()), out);
        return ExitCode.OK;
    }

    private static ExamSpec spec(Args args) throws UsageException {
        PhantomKind kind = parse(() -> PhantomKind.parse(args.get("kind", "anatomical")),
                "--kind homogeneous|inclusions|anatomical");
        long seed;
        try {
            seed = Long.parseLong(args.get("seed", "1"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed needs a whole number");
        }
        ExamSpec spec = ExamSpec.defaults(kind, seed);
        if (args.has("stage")) {
            spec = spec.withStage(parse(() -> FibrosisStage.parse(args.get("stage")), "--stage F0..F4"));
        }
        if (args.has("stiffness")) {
            spec = spec.withStiffness(parse(() -> Double.parseDouble(args.get("stiffness")), "--stiffness kPa (number)"));
        }
        if (args.has("snr")) {
            double snr = parse(() -> Double.parseDouble(args.get("snr")), "--snr N (number)");
            spec = spec.withAcquisition(spec.acquisition().withSnr(snr));
        }
        if (args.has("offsets")) {
            int n = args.getInt("offsets", 4);
            AcquisitionConfig acq = spec.acquisition();
            spec = spec.withAcquisition(parse(() -> acq.withPhaseOffsets(n), "--offsets 3..8"));
        }
        if (args.has("resp-shift")) {
            double mm = parse(() -> Double.parseDouble(args.get("resp-shift")), "--resp-shift mm (number)");
            AcquisitionConfig acq = spec.acquisition();
            spec = spec.withAcquisition(parse(() -> acq.withRespiratoryShift(mm), "--resp-shift mm >= 0"));
        }
        spec = spec.withMatrix(256, args.getInt("rows", 256), args.getInt("slices", 4));
        return spec;
    }

    private interface Parser<T> {
        T get();
    }

    private static <T> T parse(Parser<T> p, String expected) throws UsageException {
        try {
            return p.get();
        } catch (RuntimeException e) {
            throw new UsageException("expected " + expected + " (" + e.getMessage() + ")");
        }
    }
}
