// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.anatomy.Tissue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnatomicalExamTest {

    @Test
    void anatomicalExamHasAllOrgansAnIdealRoiAndAStageConsistentTruth() throws Exception {
        ExamSpec spec = ExamSpec.defaults(PhantomKind.ANATOMICAL, 42).withStage(FibrosisStage.F2);
        long t0 = System.nanoTime();
        Exam exam = ExamGenerator.generate(spec, false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("anatomical 4-slice 256x256 exam: %.2f s, iterations %s, liver %.2f kPa, ROI %.3f kPa (%d px)%n",
                seconds, exam.slices().stream().map(s -> s.solverIterations()).toList(), exam.liverKPa(), exam.roiKPa(),
                exam.roiPixels());
        assertEquals(4, exam.slices().size());
        Set<Tissue> seen = EnumSet.noneOf(Tissue.class);
        for (ExamSlice s : exam.slices()) {
            for (byte b : s.truth().labels()) {
                seen.add(Tissue.ofLabel(b));
            }
        }
        assertTrue(seen.containsAll(EnumSet.of(Tissue.AIR, Tissue.FAT, Tissue.MUSCLE, Tissue.LIVER, Tissue.VESSEL,
                Tissue.SPLEEN, Tissue.KIDNEY, Tissue.BONE, Tissue.BOWEL)), "tissues " + seen);
        assertTrue(exam.roiPixels() > 2000, "ROI pixels " + exam.roiPixels());
        // heterogeneity has zero mean: the ROI mean stays within 3 CVs of the drawn stiffness
        assertEquals(exam.liverKPa(), exam.roiKPa(), 3 * FibrosisStage.F2.heterogeneity() * exam.liverKPa());
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        ExamPicture.write(exam, 1, dir.resolve("phantom-anatomical.png"));
    }

    @Test
    void sameSeedGivesIdenticalImagesSequentialOrParallel() {
        ExamSpec spec = ExamSpec.defaults(PhantomKind.ANATOMICAL, 7).withMatrix(128, 128, 2);
        Exam a = ExamGenerator.generate(spec, false);
        Exam b = ExamGenerator.generate(spec, true);
        for (int i = 0; i < 2; i++) {
            for (int o = 0; o < 4; o++) {
                assertArrayEquals(a.slices().get(i).images().phaseRad()[o], b.slices().get(i).images().phaseRad()[o]);
                assertArrayEquals(a.slices().get(i).images().magnitude()[o], b.slices().get(i).images().magnitude()[o]);
            }
        }
        assertEquals(a.roiKPa(), b.roiKPa());
    }
}
