// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import dev.mre.phantoms.acquisition.AcquiredSlice;
import dev.mre.phantoms.acquisition.MreAcquisition;
import dev.mre.phantoms.anatomy.AnatomicalPhantom;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.physics.WaveField;
import dev.mre.phantoms.physics.WaveSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The whole simulator in one screen: phantom model per slice, wave solve, acquisition, truth.
 * Slices are independent and may be solved in parallel; each slice's randomness comes from its
 * own seed, and results are placed by index, so the output is identical for any thread count.
 */
public final class ExamGenerator {
    private ExamGenerator() {
    }

    public static Exam generate(ExamSpec spec, boolean parallel) {
        double pixel = spec.pixelMm();
        AnatomicalPhantom anatomy = AnatomicalPhantom.draw(spec.seed(), spec.stage(), spec.stiffnessKPa());
        double blockKPa = Double.isNaN(spec.stiffnessKPa()) ? 3.0 : spec.stiffnessKPa();
        double blockDamping = 0.1;
        SplittableRandom resp = new SplittableRandom(spec.seed() * 31 + 7);
        double[] shifts = new double[spec.slices()];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = spec.acquisition().respiratoryShiftMm() * resp.nextGaussian();
        }
        double step = spec.sliceThicknessMm() + spec.sliceGapMm();
        ExamSlice[] out = new ExamSlice[spec.slices()];
        IntStream idx = IntStream.range(0, spec.slices());
        (parallel ? idx.parallel() : idx).forEach(i -> {
            SliceModel m = switch (spec.kind()) {
                case HOMOGENEOUS -> BlockPhantoms.homogeneous(spec.columns(), spec.rows(), pixel, blockKPa, blockDamping);
                case INCLUSIONS -> BlockPhantoms.inclusions(spec.columns(), spec.rows(), pixel, blockKPa, blockDamping,
                        BlockPhantoms.defaultInclusions());
                case ANATOMICAL -> anatomy.slice(spec.columns(), spec.rows(), pixel, i, i * step, shifts[i]);
            };
            WaveField u = WaveSolver.solve(m.medium(), m.force(), spec.solver());
            SplittableRandom noise = new SplittableRandom(spec.seed() * 1_000_003L + 17L * i + 1);
            AcquiredSlice a = MreAcquisition.acquire(m, u, spec.acquisition(), noise);
            // first slice most cranial: z decreases caudally in DICOM patient coordinates
            out[i] = new ExamSlice(i, -i * step, m, a, u.iterations());
        });
        List<ExamSlice> slices = new ArrayList<>(List.of(out));
        double sum = 0;
        long count = 0;
        for (ExamSlice s : slices) {
            double[] r = s.truth().roiMeanKPa();
            if (r[1] > 0) {
                sum += r[0] * r[1];
                count += (long) r[1];
            }
        }
        boolean liver = spec.kind() == PhantomKind.ANATOMICAL;
        return new Exam(spec, List.copyOf(slices), liver ? anatomy.liverKPa() : blockKPa,
                liver ? anatomy.dampingRatio() : blockDamping, count == 0 ? Double.NaN : sum / count, count);
    }
}
