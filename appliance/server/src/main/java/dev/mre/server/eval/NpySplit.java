// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.inference.SliceInput;
import dev.mre.phantoms.Batch;
import dev.mre.phantoms.anatomy.Tissue;
import dev.mre.phantoms.truth.Npy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test split of a batch folder written by {@code phantoms batch --format npy}: every
 * {@code DIR/test/exam-<seed>/} with {@code images/} (magnitude, phase_rad, elastogram_kpa,
 * confidence) and {@code truth/} (modulus_kpa, roi, labels, truth.json), read as the training code
 * reads it (models/training/data.py). A folder whose seed is not a test seed is refused, so a
 * mislabelled train exam cannot leak into the scores.
 */
public final class NpySplit implements ExamSource {
    private final Path root;
    private final List<Long> seeds;

    private NpySplit(Path root, List<Long> seeds) {
        this.root = root;
        this.seeds = List.copyOf(seeds);
    }

    /** The exams under {@code batchDir/test}, in seed order. */
    public static NpySplit open(Path batchDir) throws IOException {
        Path test = batchDir.resolve("test");
        if (!Files.isDirectory(test)) {
            throw new IOException(test + " does not exist; --data takes the folder 'phantoms batch --out' wrote"
                    + " (with train/, val/, test/)");
        }
        List<Long> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.list(test)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                String name = d.getFileName().toString();
                if (!name.matches("exam-\\d+")) {
                    continue;
                }
                long seed = Long.parseLong(name.substring(5));
                if (!Batch.split(seed).equals("test")) {
                    throw new IOException(d + ": seed " + seed + " belongs to the " + Batch.split(seed)
                            + " split, not test");
                }
                if (!Files.isRegularFile(d.resolve("images/confidence.npy"))) {
                    throw new IOException(d + " has no images/*.npy; generate the batch with --format npy");
                }
                seeds.add(seed);
            }
        }
        if (seeds.isEmpty()) {
            throw new IOException(test + " holds no exam-<seed> folders");
        }
        seeds.sort(null);
        return new NpySplit(batchDir, seeds);
    }

    @Override
    public List<Long> seeds() {
        return seeds;
    }

    @Override
    public String describe() {
        return "read from " + root.resolve("test") + " (" + seeds.size() + " exams, .npy)";
    }

    @Override
    public EvalExam load(long seed) throws IOException {
        Path d = root.resolve("test").resolve("exam-" + seed);
        JsonObject truth = new JsonObject(Files.readString(d.resolve("truth/truth.json")));
        Npy.Array mag = Npy.read(d.resolve("images/magnitude.npy"));
        Npy.Array phase = Npy.read(d.resolve("images/phase_rad.npy"));
        Npy.Array elast = Npy.read(d.resolve("images/elastogram_kpa.npy"));
        Npy.Array conf = Npy.read(d.resolve("images/confidence.npy"));
        Npy.Array modulus = Npy.read(d.resolve("truth/modulus_kpa.npy"));
        Npy.Array roi = Npy.read(d.resolve("truth/roi.npy"));
        Npy.Array labels = Npy.read(d.resolve("truth/labels.npy"));
        int ns = mag.shape()[0];
        int offsets = mag.shape()[1];
        int rows = mag.shape()[2];
        int cols = mag.shape()[3];
        int n = rows * cols;
        JsonArray z = truth.getJsonArray("slices");
        List<EvalSlice> slices = new ArrayList<>();
        for (int s = 0; s < ns; s++) {
            float[][] m = new float[offsets][];
            float[][] p = new float[offsets][];
            for (int o = 0; o < offsets; o++) {
                m[o] = Arrays.copyOfRange(mag.floats(), (s * offsets + o) * n, (s * offsets + o + 1) * n);
                p[o] = Arrays.copyOfRange(phase.floats(), (s * offsets + o) * n, (s * offsets + o + 1) * n);
            }
            float[] masked = new float[n];
            boolean[] confident = new boolean[n];
            boolean[] ideal = new boolean[n];
            boolean[] liver = new boolean[n];
            for (int k = 0; k < n; k++) {
                confident[k] = conf.bytes()[s * n + k] != 0;
                masked[k] = confident[k] ? elast.floats()[s * n + k] : 0f;
                ideal[k] = roi.bytes()[s * n + k] != 0;
                liver[k] = labels.bytes()[s * n + k] == Tissue.LIVER.label();
            }
            float[] kpa = Arrays.copyOfRange(modulus.floats(), s * n, (s + 1) * n);
            slices.add(new EvalSlice(z.getJsonObject(s).getDouble("z_mm"), new SliceInput(m, p, masked, rows, cols),
                    confident, kpa, ideal, liver));
        }
        return new EvalExam(seed, truth.getString("stage"), Batch.vendor(seed).name(), rows, cols,
                truth.getDouble("pixel_spacing_mm"), truth.getDouble("slice_thickness_mm"),
                truth.getDouble("frequency_hz"), slices);
    }
}
