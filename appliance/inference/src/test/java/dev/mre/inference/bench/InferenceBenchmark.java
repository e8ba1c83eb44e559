// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference.bench;

import dev.mre.inference.Backends;
import dev.mre.inference.Model;
import dev.mre.inference.ModelPackage;
import dev.mre.inference.OnnxRuntimeModel;
import dev.mre.inference.Predictor;
import dev.mre.inference.Preprocessor;
import dev.mre.inference.RuntimeOptions;
import dev.mre.inference.SliceInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Inference speed and memory of every model package found, on this CPU: model load (manifest,
 * SHA-256, session), one slice (batch 1) and one 4-slice exam (batch 4, preprocessing and
 * post-processing included), 256x256 source slices with 4 phase offsets. Not a unit test: a main
 * class whose table goes to docs/benchmarks.md.
 *
 * <pre>
 * java -cp "$(cat cp.txt):appliance/inference/target/classes:appliance/inference/target/test-classes" \
 *     dev.mre.inference.bench.InferenceBenchmark [--threads N] [--runs N] [PACKAGE_DIR...]
 * </pre>
 * Without package folders: the test package and every package under ./models that has its
 * model.onnx. Peak RSS is the process's VmHWM, so run one package per JVM for a clean figure.
 * appliance/inference/src/test/python/make_bench_unet.py makes a random-weight edge U-Net of the
 * contract's liver-seg-edge size for timing before trained packages exist.
 */
public final class InferenceBenchmark {
    private InferenceBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        int threads = 2;
        int runs = 20;
        List<Path> packages = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--threads" -> threads = Integer.parseInt(argv[++i]);
                case "--runs" -> runs = Integer.parseInt(argv[++i]);
                default -> packages.add(Path.of(argv[i]));
            }
        }
        if (packages.isEmpty()) {
            packages.add(Path.of("appliance/inference/src/test/resources/test-package"));
            for (Path p : ModelPackage.find(Path.of("models"))) {
                if (Files.isRegularFile(p.resolve("model.onnx"))) {
                    packages.add(p);
                }
            }
        }
        RuntimeOptions options = RuntimeOptions.defaults().withThreads(threads);
        System.out.println("backend: " + Backends.report(options).describe() + "; absent: "
                + Backends.report(options).absent() + "; " + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.println("| package | model kB | load ms | 1 slice ms (median, min) | 4-slice exam ms (median, min)"
                + " | network alone, 4 slices ms (median) | peak RSS MiB (before load -> after) |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<SliceInput> exam = exam(256, 256, 4, 4);
        for (Path dir : packages) {
            long rssBefore = kib("VmHWM");
            long t0 = System.nanoTime();
            ModelPackage pkg = ModelPackage.open(dir);
            try (Model m = OnnxRuntimeModel.load(pkg, options)) {
                double loadMs = (System.nanoTime() - t0) / 1e6;
                Predictor p = new Predictor(m);
                p.predict(exam.subList(0, 1));                          // warm-up
                p.predict(exam);
                double[] one = new double[runs];
                double[] four = new double[runs];
                double[] net = new double[runs];
                Preprocessor pre = new Preprocessor(pkg.manifest().input());
                float[][] inputs = new float[exam.size()][];
                for (int s = 0; s < exam.size(); s++) {
                    inputs[s] = pre.apply(exam.get(s));
                }
                for (int r = 0; r < runs; r++) {
                    long a = System.nanoTime();
                    p.predict(exam.subList(0, 1));
                    long b = System.nanoTime();
                    p.predict(exam);
                    long c = System.nanoTime();
                    m.run(inputs);
                    long d = System.nanoTime();
                    one[r] = (b - a) / 1e6;
                    four[r] = (c - b) / 1e6;
                    net[r] = (d - c) / 1e6;
                }
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.1f (%.1f) | %.1f (%.1f) | %.1f | %d -> %d |%n",
                        pkg, Files.size(pkg.modelFile()) / 1e3, loadMs, median(one), min(one), median(four), min(four),
                        median(net), rssBefore / 1024, kib("VmHWM") / 1024);
            }
        }
    }

    /** Synthetic slices: the timing does not depend on the values. */
    static List<SliceInput> exam(int rows, int cols, int slices, int offsets) {
        Random r = new Random(1);
        List<SliceInput> out = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            float[][] mag = new float[offsets][rows * cols];
            float[][] ph = new float[offsets][rows * cols];
            float[] el = new float[rows * cols];
            for (int o = 0; o < offsets; o++) {
                for (int k = 0; k < rows * cols; k++) {
                    mag[o][k] = 500 + 100 * (float) r.nextGaussian();
                    ph[o][k] = (float) (Math.PI * (2 * r.nextDouble() - 1));
                }
            }
            for (int k = 0; k < rows * cols; k++) {
                el[k] = 3 * r.nextFloat();
            }
            out.add(new SliceInput(mag, ph, el, rows, cols));
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    /** A kB field of /proc/self/status (VmHWM: peak resident set); -1 where there is none. */
    private static long kib(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
