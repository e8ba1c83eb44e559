// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.Batch;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.truth.TruthWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The held-out split: which seeds, and that a batch folder reads back as the in-memory exam. */
class EvaluationSplitTest {
    @TempDir
    Path dir;

    @Test
    void theTestSplitIsSeeds90To99And190To199WithEveryStageAndVendorTwice() {
        List<Long> seeds = new SimulatedSplit().seeds();
        assertEquals(LongStream.concat(LongStream.rangeClosed(90, 99), LongStream.rangeClosed(190, 199)).boxed().toList(),
                seeds);
        assertEquals("90-99, 190-199", SimulatedSplit.ranges(seeds));
        for (String stage : List.of("F0", "F1", "F2", "F3", "F4")) {
            for (String vendor : List.of("GE", "SIEMENS")) {
                assertEquals(2, seeds.stream().filter(s -> Batch.stage(s).name().equals(stage)
                        && Batch.vendor(s).name().equals(vendor)).count(), stage + " " + vendor);
            }
        }
    }

    @Test
    void aBatchFolderReadsBackAsTheSameArraysAsTheExamInMemory() throws Exception {
        // a small exam (64x64, 2 slices) of test seed 92, written as 'phantoms batch --format npy' writes it
        Exam exam = ExamGenerator.generate(Batch.spec(92, SimulatedSplit.TEMPLATE.withMatrix(64, 64, 2)), true);
        Path examDir = dir.resolve("test/exam-92");
        TruthWriter.write(exam, examDir.resolve("truth"));
        TruthWriter.writeImages(exam, examDir.resolve("images"));
        EvalExam memory = SimulatedSplit.of(exam, Batch.vendor(92).name());
        NpySplit folder = NpySplit.open(dir);
        assertEquals(List.of(92L), folder.seeds());
        EvalExam read = folder.load(92);
        assertEquals("F2", read.stage());
        assertEquals(memory.stage(), read.stage());
        assertEquals(memory.vendor(), read.vendor());
        assertEquals(memory.pixelMm(), read.pixelMm(), 1e-9);
        assertEquals(memory.frequencyHz(), read.frequencyHz(), 1e-9);
        assertEquals(2, read.slices().size());
        for (int i = 0; i < 2; i++) {
            EvalSlice a = memory.slices().get(i);
            EvalSlice b = read.slices().get(i);
            for (int o = 0; o < a.input().magnitude().length; o++) {
                assertArrayEquals(a.input().magnitude()[o], b.input().magnitude()[o]);
                assertArrayEquals(a.input().phaseRad()[o], b.input().phaseRad()[o]);
            }
            assertArrayEquals(a.input().elastogramKpa(), b.input().elastogramKpa());
            assertArrayEquals(a.vendorConfidence(), b.vendorConfidence());
            assertArrayEquals(a.truthKpa(), b.truthKpa());
            assertArrayEquals(a.truthRoi(), b.truthRoi());
            assertArrayEquals(a.truthLiver(), b.truthLiver());
        }
        assertEquals(exam.roiKPa(), read.idealRoiTruthKpa(), 1e-5 * exam.roiKPa());
    }

    @Test
    void aTrainExamInTheTestFolderIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("test/exam-5/images"));
        IOException e = assertThrows(IOException.class, () -> NpySplit.open(dir));
        assertTrue(e.getMessage().contains("train split"), e.getMessage());
    }
}
