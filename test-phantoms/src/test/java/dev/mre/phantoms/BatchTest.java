// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {

    @Test
    void splitDependsOnTheSeedAloneEightOneOne() {
        int train = 0;
        int val = 0;
        for (long s = 0; s < 1000; s++) {
            String split = Batch.split(s);
            train += split.equals("train") ? 1 : 0;
            val += split.equals("val") ? 1 : 0;
        }
        assertEquals(800, train);
        assertEquals(100, val);
        assertEquals("test", Batch.split(95));
        assertEquals("train", Batch.split(19));
    }

    @Test
    void everySplitHoldsEveryStageWithBothVendors() {
        for (String split : List.of("train", "val", "test")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (long s = 0; s < 200; s++) {
                if (Batch.split(s).equals(split)) {
                    seen.add(Batch.stage(s) + "/" + Batch.vendor(s));
                }
            }
            assertEquals(10, seen.size(), split + " " + seen);
        }
    }

    @Test
    void batchWritesWholeExamsIntoTheirSplitDirectories(@TempDir Path tmp) throws Exception {
        ExamSpec template = ExamSpec.defaults(PhantomKind.ANATOMICAL, 0).withMatrix(96, 96, 2);
        List<Path> dirs = Batch.run(tmp, 3, 79, template, 2);
        assertEquals(2, dirs.size());
        assertEquals(tmp.resolve("train/exam-79"), dirs.get(0));
        assertEquals(tmp.resolve("val/exam-80"), dirs.get(1));
        for (Path d : dirs) {
            assertTrue(Files.exists(d.resolve("truth/truth.json")));
            assertTrue(Files.isDirectory(d.resolve("dicom")));
        }
    }

    @Test
    void npyFormatWritesImagesAndTruthWithoutDicom(@TempDir Path tmp) throws Exception {
        ExamSpec template = ExamSpec.defaults(PhantomKind.ANATOMICAL, 0).withMatrix(64, 64, 1);
        List<Path> dirs = Batch.run(tmp, 1, 92, template, 1, false);
        dev.mre.phantoms.truth.Npy.Array mag = dev.mre.phantoms.truth.Npy.read(dirs.get(0).resolve("images/magnitude.npy"));
        assertEquals(List.of(1, 4, 64, 64), java.util.Arrays.stream(mag.shape()).boxed().toList());
        assertTrue(Files.exists(dirs.get(0).resolve("images/phase_rad.npy")));
        assertTrue(!Files.exists(dirs.get(0).resolve("dicom")));
        assertEquals(tmp.resolve("test/exam-92"), dirs.get(0));
        assertTrue(Files.exists(dirs.get(0).resolve("images/elastogram_kpa.npy")));
        assertTrue(Files.exists(dirs.get(0).resolve("images/confidence.npy")));
    }
}
