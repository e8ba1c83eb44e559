// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.dicom.Vendor;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.phantoms.truth.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed reference exams are what the simulator produces today. Golden comparison of the
 * truth with tolerance 1e-4 kPa: float32 storage rounds at about 1e-7 relative, and
 * java.lang.Math may differ by an ulp between CPUs, so bytes are compared only within a run.
 */
class ReferenceSetTest {
    private static final Path REF = Path.of("reference");

    @Test
    void inclusionReferenceTruthMatchesAFreshGeneration() throws Exception {
        ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 2).withMatrix(256, 256, 1);
        Exam exam = ExamGenerator.generate(spec, false);
        Npy.Array ref = Npy.read(REF.resolve("inclusions/truth/modulus_kpa.npy"));
        assertEquals(256 * 256, ref.floats().length);
        for (int k = 0; k < ref.floats().length; k++) {
            assertEquals(ref.floats()[k], exam.slices().get(0).truth().modulusKPa(k), 1e-4);
        }
        long dicoms;
        try (var s = Files.walk(REF.resolve("inclusions/dicom"))) {
            dicoms = s.filter(p -> p.toString().endsWith(".dcm")).count();
        }
        assertEquals(4 * 2 + 2, dicoms);
    }

    @Test
    void anatomicalReferenceHasAnF2LiverAndItsRoiTruth() throws Exception {
        String json = Files.readString(REF.resolve("anatomical/truth/truth.json"));
        assertTrue(json.contains("\"stage\": \"F2\""), json);
        Npy.Array roi = Npy.read(REF.resolve("anatomical/truth/roi.npy"));
        Npy.Array mod = Npy.read(REF.resolve("anatomical/truth/modulus_kpa.npy"));
        double sum = 0;
        int n = 0;
        for (int k = 0; k < roi.bytes().length; k++) {
            if (roi.bytes()[k] == 1) {
                sum += mod.floats()[k];
                n++;
            }
        }
        double roiKPa = sum / n;
        assertTrue(roiKPa > FibrosisStage.F2.minKPa() * 0.9 && roiKPa < FibrosisStage.F2.maxKPa() * 1.1, "" + roiKPa);
        assertTrue(json.contains(String.format(java.util.Locale.ROOT, "\"roi_pixels\": %d,", n)), json);
        assertTrue(Files.exists(REF.resolve("anatomical/dicom/01_magnitude/IM0016.dcm")));
        assertEquals(Vendor.SIEMENS, Vendor.parse("siemens"));
    }

    @Test
    void everyReferenceDicomFilePassesDciodvfyWithoutErrors() throws Exception {
        java.util.List<Path> files;
        try (var s = Files.walk(REF)) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertEquals(40 + 10 + 10, files.size());
        for (Path f : files) {
            Process p = new ProcessBuilder("/usr/bin/dciodvfy", f.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            assertTrue(out.lines().noneMatch(l -> l.startsWith("Error")), f + "\n" + out);
        }
    }
}
