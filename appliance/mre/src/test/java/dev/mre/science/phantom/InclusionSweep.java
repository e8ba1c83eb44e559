// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.MapStatistics;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;

/**
 * Experiment (not a test): centre values of the QA inclusion phantom over a grid of settings, for
 * the tables in docs/inversion.md. Args: SNRs, window radii, low-pass cut-offs (1/m), and optionally
 * directional filter counts, each comma-separated, e.g. {@code 3000,300,100 1,2 200 0,8}.
 */
public final class InclusionSweep {
    public static void main(String[] args) {
        double[] snrs = java.util.Arrays.stream(args[0].split(",")).mapToDouble(Double::parseDouble).toArray();
        int[] radii = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] lps = java.util.Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray();
        int[] dirs = args.length > 3 ? java.util.Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {0};
        int[] nbs = args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {0};
        for (double snr : snrs) {
            ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1)
                    .withAcquisition(AcquisitionConfig.defaults().withSnr(snr));
            Exam e = PhantomExams.generate(spec);
            for (int r : radii) {
                for (double lp : lps) {
                  for (int dir : dirs) {
                   for (int nb : nbs) {
                    InversionConfig c = InversionConfig.defaults().withBandPass(0, lp).withWindowRadius(r).withDirectionalFilters(dir)
                            .withNoiseBiasCorrection(nb != 0);
                    SliceResult res = PhysicsPipeline.run(PhantomExams.toMreExam(e), c).get(0);
                    StringBuilder sb = new StringBuilder(String.format("snr %5.0f r %d lp %7.0f dir %d nb %d", snr, r, lp, dir, nb));
                    for (InversionMethod m : InversionMethod.values()) {
                        sb.append(" | ").append(m);
                        for (BlockPhantoms.Inclusion inc : BlockPhantoms.defaultInclusions()) {
                            double g = MapStatistics.medianInMask(res.maps().get(m).values(), InclusionPhantomTest.discOf(e, inc));
                            sb.append(String.format(" %6.2f", g));
                        }
                    }
                    double[] re = res.wave().re();
                    double[] im = res.wave().im();
                    sb.append(" | |U| ");
                    for (BlockPhantoms.Inclusion inc : BlockPhantoms.defaultInclusions()) {
                        int i = InclusionPhantomTest.centreOf(e, inc);
                        sb.append(String.format(" %.3f", Math.hypot(re[i], im[i])));
                    }
                    System.out.println(sb);
                   }
                  }
                }
            }
        }
    }
}
