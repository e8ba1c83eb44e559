// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.Phantoms;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real peers: every file must pass dciodvfy with no "Error" line and load in pydicom with the
 * expected geometry. Both tools are required (CI installs dicom3tools and python3-pydicom); a
 * missing tool fails the test rather than skipping it. Small exams (96x96, 2 slices, 3 offsets)
 * keep the run short; the writer does not depend on the size.
 */
class ExamDicomWriterTest {

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyFilePassesDciodvfyAndLoadsInPydicomAndIsByteIdenticalPerSeed(Vendor vendor, @TempDir Path tmp)
            throws Exception {
        ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(96, 96, 2)
                .withAcquisition(ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).acquisition().withPhaseOffsets(3));
        List<Path> a = Phantoms.write(dev.mre.phantoms.exam.ExamGenerator.generate(spec, false), vendor, tmp.resolve("a"));
        List<Path> b = Phantoms.write(dev.mre.phantoms.exam.ExamGenerator.generate(spec, true), vendor, tmp.resolve("b"));
        assertEquals(2 * 2 * 3 + 2 * 2, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        for (Path f : a) {
            String out = run(List.of("/usr/bin/dciodvfy", f.toString()));
            List<String> errors = out.lines().filter(l -> l.startsWith("Error")).toList();
            assertTrue(errors.isEmpty(), f + "\n" + out);
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c",
                "import sys, pydicom\n"
                + "for p in sys.argv[1:]:\n"
                + "    d = pydicom.dcmread(p)\n"
                + "    a = d.pixel_array\n"
                + "    assert a.shape == (96, 96), a.shape\n"
                + "    assert d.Modality == 'MR'\n"
                + "print('ok', len(sys.argv) - 1)\n"));
        a.forEach(p -> cmd.add(p.toString()));
        String py = run(cmd);
        assertTrue(py.contains("ok " + a.size()), py);
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (cmd.get(0).contains("python")) {
            assertEquals(0, rc, out);
        }
        return out;
    }
}
