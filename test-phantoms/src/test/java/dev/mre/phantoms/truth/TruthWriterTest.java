// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.truth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthWriterTest {

    @Test
    void truthArraysReadBackInJavaAndInNumpyWithTheSameValues(@TempDir Path tmp) throws Exception {
        ExamSpec spec = ExamSpec.defaults(PhantomKind.HOMOGENEOUS, 3).withStiffness(5).withMatrix(64, 48, 2);
        Exam exam = ExamGenerator.generate(spec, false);
        TruthWriter.write(exam, tmp);
        Npy.Array mod = Npy.read(tmp.resolve("modulus_kpa.npy"));
        assertArrayEquals(new int[] {2, 48, 64}, mod.shape());
        // float32 of 5 kPa: exact to float rounding
        assertEquals(5.0, mod.floats()[17], 1e-5);
        Npy.Array labels = Npy.read(tmp.resolve("labels.npy"));
        assertEquals(2 * 48 * 64, labels.bytes().length);
        // Debian's numpy lives only under /usr/bin/python3; its absence is a failure, not a skip
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import numpy as np, json, sys\n"
                + "m = np.load(sys.argv[1] + '/modulus_kpa.npy')\n"
                + "l = np.load(sys.argv[1] + '/labels.npy')\n"
                + "t = json.load(open(sys.argv[1] + '/truth.json'))\n"
                + "print(m.dtype, m.shape, '%.4f' % m[1, 10, 20], l.dtype, int(l.max()), t['kind'])\n",
                tmp.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        assertEquals("float32 (2, 48, 64) 5.0000 uint8 10 homogeneous", out);
        assertTrue(Files.readString(tmp.resolve("truth.json")).contains("\"roi_kpa\": null"));
    }
}
