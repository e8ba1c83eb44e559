// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.phase.LaplacianUnwrap;
import dev.mre.science.phase.TemporalUnwrap;
import dev.mre.science.phase.Wrap;
import dev.mre.science.wave.Harmonics;
import dev.mre.science.wave.SignalMask;

/** Experiment: temporal versus per-offset spatial unwrap on the anatomical phantom. */
public final class UnwrapCompare {
    public static void main(String[] args) {
        java.util.List<ExamSpec> specs = new java.util.ArrayList<>();
        specs.add(ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1));
        specs.add(ExamSpec.defaults(PhantomKind.HOMOGENEOUS, 5).withMatrix(256, 256, 1));
        for (FibrosisStage stage : FibrosisStage.values()) {
            specs.add(ExamSpec.defaults(PhantomKind.ANATOMICAL, 200 + stage.ordinal()).withStage(stage).withMatrix(256, 256, 2));
        }
        for (ExamSpec spec : specs) {
            Exam e = PhantomExams.generate(spec);
            Object stage = spec.kind() + " " + spec.stage();
            MreExam ex = PhantomExams.toMreExam(e);
            for (MreSlice s : ex.slices()) {
                int n = s.offsets();
                boolean[] valid = SignalMask.of(s, 0.2);
                double[][] w = new double[n][];
                double[][] old = new double[n][];
                for (int t = 0; t < n; t++) {
                    w[t] = new double[s.phase()[t].length];
                    for (int i = 0; i < w[t].length; i++) {
                        w[t][i] = Wrap.wrap(s.phase()[t][i]);
                    }
                    old[t] = LaplacianUnwrap.unwrap(w[t], ex.rows(), ex.cols(), valid);
                }
                TemporalUnwrap.Result r = TemporalUnwrap.relative(w, ex.rows(), ex.cols(), valid);
                double[][] a = Harmonics.bin(old, 1);
                double[][] b = Harmonics.bin(r.phase(), 1);
                int diff = 0;
                int nv = 0;
                for (int i = 0; i < valid.length; i++) {
                    if (valid[i]) {
                        nv++;
                        if (Math.hypot(a[0][i] - b[0][i], a[1][i] - b[1][i]) > 1e-6) {
                            diff++;
                        }
                    }
                }
                System.out.printf("%s slice %d: spatial solves %d, valid px %d, bin-1 differs at %d%n", stage, s.index(),
                        r.spatialSolves(), nv, diff);
            }
        }
    }
}
