// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.truth.Npy;
import dev.mre.server.cli.Main;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code process} with model packages installed, absent, broken, and with an exam lacking inputs. */
class DlProcessTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run process(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[argv.length + 1];
        all[0] = "process";
        System.arraycopy(argv, 0, all, 1, argv.length);
        int exit = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Median as numpy computes it (mean of the two middle values), independent of MapStatistics. */
    private static double median(float[] v, byte[] mask, int from, int n) {
        double[] in = new double[n];
        int c = 0;
        for (int k = 0; k < n; k++) {
            if (mask[from + k] == 1) {
                in[c++] = v[from + k];
            }
        }
        double[] s = Arrays.copyOf(in, c);
        Arrays.sort(s);
        return c % 2 == 1 ? s[c / 2] : (s[c / 2 - 1] + s[c / 2]) / 2;
    }

    @Test
    void bothModelsInstalledAddTheDlMaskAndStiffnessToTheMapsAndTheSummary() throws Exception {
        Path models = dir.resolve("models");
        TestModels.install(models, DlModels.LIVER);
        TestModels.install(models, DlModels.STIFFNESS);
        Path out = dir.resolve("out");
        Run r = process("--in", Exams.dicom("anatomical").toString(), "--out", out.toString(),
                "--models", models.toString(), "--method", "mdev");
        assertEquals(0, r.exit(), r.err());
        JsonObject summary = new JsonObject(r.out());
        JsonObject m = summary.getJsonObject("models");
        assertTrue(m.getString("backend").matches("onnxruntime-cpu \\d+\\.\\d+\\.\\d+, 2 threads"), m.encode());
        assertTrue(m.getJsonArray("gpu_backends_absent").contains("tensorrt"), m.encode());
        assertEquals(2, m.getJsonArray("used").size(), m.encode());
        assertEquals(new JsonObject().put("name", DlModels.LIVER).put("version", "0.0.1").put("task", "liver-segmentation"),
                m.getJsonArray("used").getJsonObject(0));
        assertEquals(0, m.getJsonArray("absent").size(), m.encode());
        Npy.Array mask = Npy.read(out.resolve("dl_liver_mask.npy"));
        Npy.Array kpa = Npy.read(out.resolve("dl_stiffness_kpa.npy"));
        assertArrayEquals(new int[] {4, 256, 256}, mask.shape());
        assertArrayEquals(new int[] {4, 256, 256}, kpa.shape());
        assertEquals("dl_liver_mask.npy", summary.getJsonObject("files").getString("dl_liver_mask"));
        JsonArray slices = summary.getJsonArray("slices");
        int n = 256 * 256;
        for (int i = 0; i < 4; i++) {
            int pixels = 0;
            for (int k = 0; k < n; k++) {
                pixels += mask.bytes()[i * n + k];
            }
            JsonObject s = slices.getJsonObject(i);
            assertEquals(pixels, s.getInteger("dl_liver_pixels"), "slice " + i);
            assertTrue(pixels > 0 && pixels < n, "the test model gives a partial mask: " + pixels);
            assertEquals(median(kpa.floats(), mask.bytes(), i * n, n), s.getDouble("dl_median_kpa"), 1e-4, "slice " + i);
        }
        assertTrue(r.err().contains("model liver-seg-edge 0.0.1 ran (onnxruntime-cpu"), r.err());
        assertEquals(summary, new JsonObject(Files.readString(out.resolve("summary.json"))));
    }

    @Test
    void withoutModelsTheRunIsPhysicsOnlyAndSaysWhichModelsAreAbsent() throws Exception {
        Path out = dir.resolve("out");
        TestModels.install(dir.resolve("models"), DlModels.LIVER);
        Run r = process("--in", Exams.REFERENCE.resolve("homogeneous").toString(), "--out", out.toString(),
                "--models", dir.resolve("models").toString(), "--method", "mdev");
        assertEquals(0, r.exit(), r.err());
        JsonObject summary = new JsonObject(r.out());
        JsonArray absent = summary.getJsonObject("models").getJsonArray("absent");
        assertEquals(1, absent.size());
        assertEquals(DlModels.STIFFNESS, absent.getJsonObject(0).getString("name"));
        assertTrue(absent.getJsonObject(0).getString("reason").startsWith("not installed"));
        JsonObject slice = summary.getJsonArray("slices").getJsonObject(0);
        assertTrue(slice.getInteger("dl_liver_pixels") > 0);
        assertNull(slice.getValue("dl_median_kpa"), "no stiffness model, no DL median");
        assertFalse(Files.exists(out.resolve("dl_stiffness_kpa.npy")));

        Path none = dir.resolve("none");
        Run bare = process("--in", Exams.REFERENCE.resolve("homogeneous").toString(), "--out", none.toString(),
                "--models", dir.resolve("no-such-folder").toString(), "--method", "mdev");
        assertEquals(0, bare.exit(), bare.err());
        JsonObject s2 = new JsonObject(bare.out());
        assertEquals(2, s2.getJsonObject("models").getJsonArray("absent").size());
        assertNull(s2.getJsonObject("models").getValue("backend"), "no model, no runtime started");
        assertNull(s2.getJsonArray("slices").getJsonObject(0).getValue("dl_liver_pixels"));
        assertTrue(s2.getJsonArray("slices").getJsonObject(0).getJsonObject("methods").getJsonObject("mdev")
                .getDouble("median_kpa") > 0, "the physics result is there");
        assertFalse(Files.exists(none.resolve("dl_liver_mask.npy")));
    }

    @Test
    void aTamperedPackageStopsTheRunWithExit78NamingTheFileAndNothingIsWritten() throws Exception {
        Path pkg = TestModels.install(dir.resolve("models"), DlModels.STIFFNESS);
        byte[] b = Files.readAllBytes(pkg.resolve("model.onnx"));
        b[100] ^= 0x40;
        Files.write(pkg.resolve("model.onnx"), b);
        Path out = dir.resolve("out");
        Run r = process("--in", Exams.REFERENCE.resolve("homogeneous").toString(), "--out", out.toString(),
                "--models", dir.resolve("models").toString());
        assertEquals(78, r.exit(), r.err());
        assertTrue(r.err().contains(pkg.resolve("model.onnx").toString()) && r.err().contains("SHA-256"), r.err());
        assertFalse(Files.exists(out.resolve("summary.json")));
        assertEquals("", r.out());
    }

    @Test
    void anExamWithoutAVendorElastogramSkipsTheModelThatNeedsItAndSaysWhy() throws Exception {
        Path exam = Exams.copy(Exams.REFERENCE.resolve("homogeneous").resolve("dicom"), dir.resolve("exam"));
        try (var s = Files.list(exam)) {
            for (Path p : s.filter(p -> p.getFileName().toString().contains("elastogram_masked")).toList()) {
                Exams.copy(p, dir.resolve("removed").resolve(p.getFileName().toString()));
                try (var f = Files.walk(p)) {
                    f.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
                }
            }
        }
        TestModels.install(dir.resolve("models"), DlModels.LIVER);
        Run r = process("--in", exam.toString(), "--out", dir.resolve("out").toString(),
                "--models", dir.resolve("models").toString(), "--method", "mdev");
        assertEquals(0, r.exit(), r.err());
        JsonObject m = new JsonObject(r.out()).getJsonObject("models");
        assertEquals(0, m.getJsonArray("used").size());
        JsonObject liver = m.getJsonArray("absent").getJsonObject(1);
        assertEquals(DlModels.LIVER, liver.getString("name"));
        assertTrue(liver.getString("reason").contains("needs the vendor elastogram"), liver.encode());
    }
}
