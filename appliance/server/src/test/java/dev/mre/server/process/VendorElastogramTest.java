// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.truth.Npy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masked vendor elastogram the DL models get equals what pydicom (a real peer) reads from the
 * same files: rescaled Pa / 1000, slices ordered by position, descending, like the exam.
 */
class VendorElastogramTest {
    private static final String PYDICOM = String.join("\n",
            "import sys, glob, numpy as np, pydicom",
            "ds = [pydicom.dcmread(f) for f in glob.glob(sys.argv[1] + '/*.dcm')]",
            "ds.sort(key=lambda d: -float(d.ImagePositionPatient[2]))",
            "a = np.stack([d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept) for d in ds]) / 1000.0",
            "np.save(sys.argv[2], a.astype(np.float32))");

    @TempDir
    Path dir;

    @Test
    void theMaskedElastogramIsReadInKpaAsPydicomReadsIt() throws Exception {
        Path exam = Exams.dicom("anatomical");
        ExamReading r = new ExamReader(RecognitionRules.defaults()).read(exam);
        assertTrue(r.elastogram().present(), r.elastogram().source());
        assertTrue(r.elastogram().source().contains("95%"), r.elastogram().source());
        assertTrue(r.series().stream().anyMatch(s -> s.series().contains("95%")
                && s.reason().endsWith("elastogram_kpa input of the DL models")), r.series().toString());
        Path expected = dir.resolve("el.npy");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", PYDICOM, exam.resolve("06_elastogram_masked").toString(),
                expected.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "pydicom failed: " + log);
        Npy.Array e = Npy.read(expected);
        int n = r.exam().rows() * r.exam().cols();
        assertEquals(e.shape()[0], r.elastogram().kpa().size());
        int inside = 0;
        for (int s = 0; s < e.shape()[0]; s++) {
            float[] a = r.elastogram().kpa().get(s);
            for (int k = 0; k < n; k++) {
                assertEquals(e.floats()[s * n + k], a[k], 1e-6, "slice " + s + " pixel " + k);
                inside += a[k] > 0 ? 1 : 0;
            }
        }
        assertTrue(inside > 0 && inside < e.shape()[0] * n, "masked: some pixels are 0, some not");
    }

    @Test
    void anExamWithoutAnElastogramSaysSo() throws Exception {
        Path copy = Exams.copy(Exams.dicom("anatomical").resolve("02_phase"), dir.resolve("exam/02_phase"));
        Exams.copy(Exams.dicom("anatomical").resolve("01_magnitude"), dir.resolve("exam/01_magnitude"));
        ExamReading r = new ExamReader(RecognitionRules.defaults()).read(copy.getParent());
        assertFalse(r.elastogram().present());
        assertEquals("no masked vendor elastogram series in the exam", r.elastogram().source());
    }
}
