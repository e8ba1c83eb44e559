// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.acquisition.AcquiredSlice;
import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.acquisition.MreAcquisition;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.exam.ExamSlice;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.physics.WaveField;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhaseScaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test helper: simulated phantom exams (test-phantoms module) as the science's input record, with
 * a cache so several tests can share one (slow) wave solve.
 */
public final class PhantomExams {
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

    /** The QA inclusion phantom's slice model as ExamGenerator draws it: 3 kPa gel, damping ratio 0.1, the default cylinders. */
    public static SliceModel qaModel(ExamSpec spec) {
        return BlockPhantoms.inclusions(spec.columns(), spec.rows(), spec.pixelMm(), 3.0, 0.1,
                BlockPhantoms.defaultInclusions());
    }

    /**
     * Noise draw {@code seed} of a block phantom whose slices share one model and one solved wave
     * {@code u}: slice i is acquired with ExamGenerator's RNG seed for slice i of exam seed
     * {@code seed}, so it is bit-identical to that slice of the generated exam (at {@code acq}).
     */
    public static MreExam draw(ExamSpec spec, SliceModel model, WaveField u, AcquisitionConfig acq, long seed) {
        List<MreSlice> slices = new ArrayList<>();
        double step = spec.sliceThicknessMm() + spec.sliceGapMm();
        for (int i = 0; i < spec.slices(); i++) {
            AcquiredSlice a = MreAcquisition.acquire(model, u, acq, new SplittableRandom(seed * 1_000_003L + 17L * i + 1));
            slices.add(new MreSlice(i, -i * step / 1000, spec.sliceThicknessMm() / 1000, a.magnitude(), a.phaseRad()));
        }
        double h = spec.pixelMm() / 1000;
        return new MreExam(spec.rows(), spec.columns(), h, h, spec.solver().frequencyHz(), PhaseScaling.radians(),
                slices);
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
