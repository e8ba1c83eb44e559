// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.truth.Npy;
import dev.mre.science.MapStatistics;
import dev.mre.server.process.Exams;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code process} end to end through Main.run on the committed reference exams. */
class ProcessCommandTest {
    @TempDir
    Path dir;

    @Test
    void theHomogeneousExamsMedianIsWithinFivePercentOfTruthForEveryMethod() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.main("process", "--in", Exams.REFERENCE.resolve("homogeneous").toString(),
                "--out", out.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonObject summary = new JsonObject(r.out());
        JsonObject truth = new JsonObject(Files.readString(Exams.REFERENCE.resolve("homogeneous/truth/truth.json")));
        double kPa = truth.getDouble("nominal_kpa");
        JsonArray slices = summary.getJsonArray("slices");
        assertEquals(1, slices.size());
        assertEquals("|G*|", summary.getString("quantity"));
        JsonObject methods = slices.getJsonObject(0).getJsonObject("methods");
        assertEquals(List.of("ahi", "mdev"), List.copyOf(methods.fieldNames()));
        for (String m : methods.fieldNames()) {
            double median = methods.getJsonObject(m).getDouble("median_kpa");
            // the science's own phantom tolerance (HomogeneousPhantomTest, issue 4): 5%
            assertEquals(kPa, median, 0.05 * kPa, m);
            assertTrue(methods.getJsonObject(m).getDouble("mask_fraction") > 0.1, m);
        }
        assertEquals(summary, new JsonObject(Files.readString(out.resolve("summary.json"))));
        assertTrue(r.err().contains("STGRY elastogram") && r.err().contains("not inversion input"), r.err());
        assertFalse(r.err().contains("PHANTOM"), "no patient name or ID in diagnostics");
        assertFalse(r.out().contains("PHANTOM"), "no patient name or ID in the summary");
    }

    @Test
    void theAnatomicalExamWritesOneEntryPerSliceAndMapsThatLoad() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.main("process", "--in", Exams.dicom("anatomical").toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonObject summary = new JsonObject(r.out());
        JsonArray slices = summary.getJsonArray("slices");
        assertEquals(4, slices.size());
        for (int i = 0; i < 4; i++) {
            JsonObject s = slices.getJsonObject(i);
            assertEquals(i, s.getInteger("slice"));
            assertEquals(-8.0 * i, s.getDouble("location_mm"), 1e-9);
            assertTrue(s.getInteger("mask_pixels") >= 0);
            for (String m : List.of("ahi", "mdev")) {
                assertTrue(s.getJsonObject("methods").getJsonObject(m).containsKey("median_kpa"), m);
            }
        }
        int[] shape = {4, 256, 256};
        for (String f : List.of("ahi_kpa.npy", "mdev_kpa.npy", "confidence.npy", "ahi_storage_kpa.npy")) {
            Npy.Array a = Npy.read(out.resolve(f));
            assertArrayEquals(shape, a.shape(), f);
            assertEquals(4 * 256 * 256, a.floats().length, f + " is float32");
        }
        Npy.Array mask = Npy.read(out.resolve("mask95.npy"));
        assertArrayEquals(shape, mask.shape());
        assertEquals(4 * 256 * 256, mask.bytes().length, "mask is uint8");
        for (byte b : mask.bytes()) {
            assertTrue(b == 0 || b == 1);
        }
        assertTrue(summary.getString("phase_scaling").contains("8192"), summary.getString("phase_scaling"));
        // median_kpa is the median of the written map over the written mask (rounded to 4 decimals).
        // Accuracy oracle: the mean true |G*| over ideal-ROI (liver) pixels in the mask, 5% as in the
        // science's phantom tests; slices with under 100 such pixels are not compared. (The median of
        // a mask that mixes fat, bowel, vessels and liver is not an oracle: it falls in the gaps
        // between the tissues' values, where a 1-2% bias per tissue moved it by up to 16%, measured.)
        float[] truth = Npy.read(Exams.REFERENCE.resolve("anatomical/truth/modulus_kpa.npy")).floats();
        byte[] roi = Npy.read(Exams.REFERENCE.resolve("anatomical/truth/roi.npy")).bytes();
        int compared = 0;
        int n = 256 * 256;
        for (int i = 0; i < 4; i++) {
            JsonObject s = slices.getJsonObject(i);
            boolean[] m = new boolean[n];
            for (int k = 0; k < n; k++) {
                m[k] = mask.bytes()[i * n + k] == 1;
            }
            for (String method : List.of("ahi", "mdev")) {
                float[] map = Arrays.copyOfRange(Npy.read(out.resolve(method + "_kpa.npy")).floats(), i * n, (i + 1) * n);
                double median = MapStatistics.medianInMask(map, m);
                if (!Double.isNaN(median)) {
                    double got = s.getJsonObject("methods").getJsonObject(method).getDouble("median_kpa");
                    assertEquals(median, got, 1e-4, "slice " + i + " " + method + " median_kpa is the map's median");
                }
                double ours = 0;
                double want = 0;
                int count = 0;
                for (int k = 0; k < n; k++) {
                    if (m[k] && roi[i * n + k] == 1 && !Float.isNaN(map[k])) {
                        ours += map[k];
                        want += truth[i * n + k];
                        count++;
                    }
                }
                if (count >= 100) {
                    assertEquals(want / count, ours / count, 0.05 * want / count, "slice " + i + " " + method);
                    compared++;
                }
            }
        }
        // 834-1007 ROI pixels per slice are in the mask (0.5 rad median liver wave at SNR 30)
        assertEquals(8, compared, "every slice and method has 100+ ROI pixels in the mask");
    }

    @Test
    void methodAhiWritesOnlyTheAhiMapAndSummary() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.main("process", "--in", Exams.dicom("inclusions").toString(), "--out", out.toString(),
                "--method", "ahi", "--frequency", "60");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonObject m = new JsonObject(r.out()).getJsonArray("slices").getJsonObject(0).getJsonObject("methods");
        assertEquals(List.of("ahi"), List.copyOf(m.fieldNames()));
        assertTrue(Files.exists(out.resolve("ahi_kpa.npy")));
        assertFalse(Files.exists(out.resolve("mdev_kpa.npy")));
        assertEquals("--frequency", new JsonObject(r.out()).getString("frequency_source"));
    }

    @Test
    void theHighResolutionPresetIsUsedAndRecordedAndAnUnknownPresetExits64() throws Exception {
        Path def = dir.resolve("default");
        Path hi = dir.resolve("hi");
        CliTest.Run d = CliTest.main("process", "--in", Exams.dicom("inclusions").toString(), "--out", def.toString(),
                "--method", "ahi");
        CliTest.Run h = CliTest.main("process", "--in", Exams.dicom("inclusions").toString(), "--out", hi.toString(),
                "--method", "ahi", "--preset", "high-resolution");
        assertEquals(ExitCode.OK, d.exit(), d.err());
        assertEquals(ExitCode.OK, h.exit(), h.err());
        JsonObject di = new JsonObject(d.out()).getJsonObject("inversion");
        JsonObject hiInv = new JsonObject(h.out()).getJsonObject("inversion");
        assertEquals("default", di.getString("preset"));
        assertEquals(2, di.getInteger("window_radius"));
        assertEquals("high-resolution", hiInv.getString("preset"));
        assertEquals(1, hiInv.getInteger("window_radius"));
        assertEquals(200.0, hiInv.getDouble("low_pass_per_m"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(def.resolve("ahi_kpa.npy")),
                Files.readAllBytes(hi.resolve("ahi_kpa.npy"))), "the preset changes the maps");
        CliTest.Run bad = CliTest.main("process", "--in", Exams.dicom("inclusions").toString(), "--out",
                dir.resolve("bad").toString(), "--preset", "sharp");
        assertEquals(ExitCode.USAGE, bad.exit());
        assertTrue(bad.err().contains("--preset"), bad.err());
    }

    @Test
    void aQaInclusionScanAtSnr100ReadsTheTenAndTwentyMillimetreCylindersWithinFifteenPercent() throws Exception {
        // Issue 4's inclusion line end to end: the QA phantom written as DICOM by `phantoms
        // generate` (4 slices, SNR 100), `process --preset high-resolution`, and each cylinder's
        // centre read from the written map as a physicist reads a QA phantom: at the centre its
        // datasheet gives (truth.json "inclusions"), a disc of a quarter of its diameter, pooled
        // over the slices.
        Path exam = dir.resolve("qa");
        CliTest.Run g = CliTest.main("phantoms", "generate", "--kind", "inclusions", "--snr", "100", "--seed", "3",
                "--vendor", "siemens", "--out", exam.toString());
        assertEquals(ExitCode.OK, g.exit(), g.err());
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.main("process", "--in", exam.resolve("dicom").toString(), "--out", out.toString(),
                "--method", "ahi", "--preset", "high-resolution");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        Npy.Array map = Npy.read(out.resolve("ahi_kpa.npy"));
        JsonObject t = new JsonObject(Files.readString(exam.resolve("truth/truth.json")));
        int slices = map.shape()[0];
        int rows = map.shape()[1];
        int cols = map.shape()[2];
        double px = t.getDouble("pixel_spacing_mm");
        JsonArray incs = t.getJsonArray("inclusions");
        assertEquals(4, incs.size(), "four cylinders in the QA layout");
        double smallest = Double.NaN;
        for (int i = 0; i < incs.size(); i++) {
            JsonObject inc = incs.getJsonObject(i);
            double dMm = inc.getDouble("diameter_mm");
            double kPa = inc.getDouble("kpa");
            double cx = inc.getDouble("centre_column");
            double cy = inc.getDouble("centre_row");
            double radius = Math.max(1, dMm / 4 / px);
            java.util.stream.DoubleStream.Builder b = java.util.stream.DoubleStream.builder();
            for (int s = 0; s < slices; s++) {
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        float f = map.floats()[(s * rows + y) * cols + x];
                        if (Math.hypot(x - cx, y - cy) <= radius && !Float.isNaN(f)) {
                            b.add(f);
                        }
                    }
                }
            }
            double[] v = b.build().sorted().toArray();
            double centre = v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
            System.out.printf("QA cylinder %.0f mm (%.0f kPa): centre %.2f kPa (%+.1f%%) over %d pixels%n", dMm, kPa,
                    centre, 100 * (centre / kPa - 1), v.length);
            boolean resolved = Math.abs(centre / kPa - 1) <= 0.15;
            assertEquals(dMm >= 10, resolved, dMm + " mm cylinder: " + centre + " kPa");
            if (resolved) {
                smallest = Double.isNaN(smallest) ? dMm : Math.min(smallest, dMm);
            }
        }
        assertEquals(10, smallest, "smallest resolved cylinder");
    }

    @Test
    void anEmptyOrMissingInputFolderExits66() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliTest.Run r = CliTest.main("process", "--in", empty.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.NO_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("holds no files"), r.err());
        assertEquals("", r.out());
        assertEquals(ExitCode.NO_INPUT, CliTest.main("process", "--in", dir.resolve("none").toString(), "--out",
                dir.resolve("o").toString()).exit());
    }

    @Test
    void aFolderWithAPhaseImageMissingExits65WithTheReason() throws Exception {
        Path copy = Exams.copy(Exams.dicom("homogeneous"), dir.resolve("exam"));
        Files.delete(copy.resolve("01_raw/IM0005.dcm"));
        Files.delete(copy.resolve("01_raw/IM0006.dcm"));
        Files.delete(copy.resolve("01_raw/IM0007.dcm"));
        CliTest.Run r = CliTest.main("process", "--in", copy.toString(), "--out", dir.resolve("o").toString());
        assertEquals(ExitCode.DATA_ERROR, r.exit(), r.err());
        assertTrue(r.err().contains("every slice has 1 phase offsets"), r.err());
        assertTrue(r.err().contains("series #1 'MRE 60Hz RAW', 5 files: candidate input"), "decisions shown: " + r.err());
    }

    @Test
    void anOutputPathThatIsAFileExits73() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        CliTest.Run r = CliTest.main("process", "--in", Exams.dicom("homogeneous").toString(), "--out",
                file.resolve("sub").toString());
        assertEquals(ExitCode.CANT_CREATE, r.exit(), r.err());
        assertTrue(r.err().contains("cannot create output folder"), r.err());
    }

    @Test
    void wrongUsageExits64() {
        assertEquals(ExitCode.USAGE, CliTest.main("process", "--in", "x").exit());
        assertEquals(ExitCode.USAGE, CliTest.main("process", "--in", "x", "--out", "y", "--method", "lfe").exit());
        assertEquals(ExitCode.USAGE, CliTest.main("process", "--in", "x", "--out", "y", "--frequency", "sixty").exit());
    }

    @Test
    void helpListsOptionsOutputFilesAndExitCodes() {
        CliTest.Run r = CliTest.main("process", "--help");
        assertEquals(0, r.exit());
        for (String s : List.of("--in DIR", "--out DIR", "--frequency", "--method", "median_kpa", "mask95.npy",
                "exit codes:", "65", "66", "73")) {
            assertTrue(r.out().contains(s), s);
        }
    }
}
