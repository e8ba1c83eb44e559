// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.exam.ExamSlice;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhaseScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper: simulated phantom exams (test-phantoms module) as the science's input record, with
 * a cache so several tests can share one (slow) wave solve.
 */
final class PhantomExams {
    private static final Map<ExamSpec, Exam> CACHE = new ConcurrentHashMap<>();

    private PhantomExams() {
    }

    static Exam generate(ExamSpec spec) {
        return CACHE.computeIfAbsent(spec, s -> ExamGenerator.generate(s, true));
    }

    /** Drops a cached exam (sweeps over many seeds). */
    static void forget(ExamSpec spec) {
        CACHE.remove(spec);
    }

    /** The phantom exam's images as an MreExam (phase already in radians). */
    static MreExam toMreExam(Exam exam) {
        ExamSpec spec = exam.spec();
        List<MreSlice> slices = new ArrayList<>();
        for (ExamSlice s : exam.slices()) {
            slices.add(new MreSlice(s.index(), s.zMm() / 1000, spec.sliceThicknessMm() / 1000,
                    s.images().magnitude(), s.images().phaseRad()));
        }
        double h = spec.pixelMm() / 1000;
        return new MreExam(spec.rows(), spec.columns(), h, h, spec.solver().frequencyHz(), PhaseScaling.radians(),
                slices);
    }
}
