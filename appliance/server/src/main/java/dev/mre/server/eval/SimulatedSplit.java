// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.inference.SliceInput;
import dev.mre.phantoms.Batch;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.anatomy.Tissue;
import dev.mre.phantoms.dicom.Elastograms;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamGenerator;
import dev.mre.phantoms.exam.ExamSlice;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The test split of the batch the shipped models were trained on, regenerated in memory: seeds
 * {@value #FIRST_SEED}..{@value #FIRST_SEED} + {@value #BATCH_EXAMS} - 1 of {@code phantoms batch}
 * with the default exam (models/README.md, step 1), keeping those {@link Batch#split} puts in
 * "test" (seeds 90..99 and 190..199). Each exam is {@link Batch#spec} of its seed, generated as
 * {@code phantoms batch --format npy} generates it, and its arrays are the ones that command
 * writes to images/ and truth/ (TruthWriter.writeImages): the same bytes the training code read.
 */
public final class SimulatedSplit implements ExamSource {
    /** First seed of the training batch ({@code --seed 0}). */
    public static final long FIRST_SEED = 0;
    /** Exams in the training batch ({@code --count 800} slices of 4-slice exams). */
    public static final int BATCH_EXAMS = 200;
    /** The batch's template: the {@code phantoms} command's default exam. */
    static final ExamSpec TEMPLATE = ExamSpec.defaults(PhantomKind.ANATOMICAL, FIRST_SEED);

    @Override
    public List<Long> seeds() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + BATCH_EXAMS).filter(s -> Batch.split(s).equals("test"))
                .boxed().toList();
    }

    @Override
    public EvalExam load(long seed) {
        Exam exam = ExamGenerator.generate(Batch.spec(seed, TEMPLATE), false);
        return of(exam, Batch.vendor(seed).name());
    }

    @Override
    public String describe() {
        return "simulated in memory: the test split (seeds " + ranges(seeds()) + ", (seed/10) mod 10 = 9) of the"
                + " training batch 'phantoms batch --seed " + FIRST_SEED + " --count " + BATCH_EXAMS * TEMPLATE.slices()
                + " --format npy'";
    }

    /** "90-99, 190-199" for runs of consecutive seeds. */
    static String ranges(List<Long> seeds) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < seeds.size(); i++) {
            int j = i;
            while (j + 1 < seeds.size() && seeds.get(j + 1) == seeds.get(j) + 1) {
                j++;
            }
            b.append(b.length() == 0 ? "" : ", ").append(seeds.get(i)).append(j > i ? "-" + seeds.get(j) : "");
            i = j;
        }
        return b.toString();
    }

    /** The exam's arrays as {@code TruthWriter} writes them and the training code reads them. */
    static EvalExam of(Exam exam, String vendor) {
        ExamSpec spec = exam.spec();
        double encoding = spec.acquisition().encodingUmPerRad();
        List<EvalSlice> slices = new ArrayList<>();
        for (ExamSlice s : exam.slices()) {
            SliceModel m = s.truth();
            int n = m.nx() * m.ny();
            double[] pa = Elastograms.elastogramPa(s);
            boolean[] confident = Elastograms.confident(s, encoding);
            float[] masked = new float[n];
            float[] truth = new float[n];
            boolean[] liver = new boolean[n];
            for (int k = 0; k < n; k++) {
                float kpa = (float) (pa[k] / 1000.0);          // float32 on disk, then masked
                masked[k] = confident[k] ? kpa : 0f;
                truth[k] = (float) m.modulusKPa(k);
                liver[k] = m.labels()[k] == Tissue.LIVER.label();
            }
            SliceInput in = new SliceInput(s.images().magnitude(), s.images().phaseRad(), masked, m.ny(), m.nx());
            slices.add(new EvalSlice(s.zMm(), in, confident, truth, m.roi().clone(), liver));
        }
        return new EvalExam(spec.seed(), spec.stage().name(), vendor, spec.rows(), spec.columns(), spec.pixelMm(),
                spec.sliceThicknessMm(), spec.solver().frequencyHz(), slices);
    }
}
