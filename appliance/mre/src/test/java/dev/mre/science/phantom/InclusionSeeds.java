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
import java.util.Arrays;

/**
 * Experiment (not a test): the QA inclusion phantom's centre values over several noise seeds, so
 * that a setting is judged on the distribution of readings, not on one draw. Args: SNRs, seeds
 * (first..last), window radius, low-pass (1/m), noise-bias correction 0/1 list, e.g.
 * {@code 30,60 1..10 1 200 0,1}. Prints each seed's 20 / 10 / 6 mm centres (AHI, MDEV) and, per
 * setting, the median, the 10th-90th percentile range and the fraction of seeds within 15%.
 */
public final class InclusionSeeds {
    public static void main(String[] args) {
        double[] snrs = Arrays.stream(args[0].split(",")).mapToDouble(Double::parseDouble).toArray();
        String[] se = args[1].split("\\.\\.");
        int s0 = Integer.parseInt(se[0]);
        int s1 = Integer.parseInt(se[1]);
        int r = Integer.parseInt(args[2]);
        double lp = Double.parseDouble(args[3]);
        int[] nbs = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
        boolean verbose = args.length > 5;
        var incs = BlockPhantoms.defaultInclusions();
        for (double snr : snrs) {
            int ns = s1 - s0 + 1;
            double[][][][] v = new double[nbs.length][2][incs.size()][ns];
            for (int s = s0; s <= s1; s++) {
                ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, s).withMatrix(256, 256, 1)
                        .withAcquisition(AcquisitionConfig.defaults().withSnr(snr));
                Exam e = PhantomExams.generate(spec);
                for (int b = 0; b < nbs.length; b++) {
                    InversionConfig c = InversionConfig.defaults().withBandPass(0, lp).withWindowRadius(r)
                            .withNoiseBiasCorrection(nbs[b] != 0);
                    SliceResult res = PhysicsPipeline.run(PhantomExams.toMreExam(e), c).get(0);
                    StringBuilder sb = new StringBuilder(String.format("snr %5.0f seed %3d nb %d", snr, s, nbs[b]));
                    for (int m = 0; m < 2; m++) {
                        InversionMethod method = InversionMethod.values()[m];
                        sb.append(" | ").append(method);
                        for (int k = 0; k < incs.size(); k++) {
                            double g = MapStatistics.medianInMask(res.maps().get(method).values(),
                                    InclusionPhantomTest.discOf(e, incs.get(k)));
                            v[b][m][k][s - s0] = g;
                            sb.append(String.format(" %6.2f", g));
                        }
                    }
                    if (verbose) {
                        System.out.println(sb);
                    }
                }
                PhantomExams.forget(spec);
            }
            for (int b = 0; b < nbs.length; b++) {
                for (int m = 0; m < 2; m++) {
                    StringBuilder sb = new StringBuilder(String.format("SNR %5.0f r %d lp %4.0f nb %d %-4s",
                            snr, r, lp, nbs[b], InversionMethod.values()[m]));
                    for (int k = 0; k < 3; k++) {
                        double[] d = v[b][m][k].clone();
                        Arrays.sort(d);
                        int within = 0;
                        for (double x : d) {
                            within += Math.abs(x / incs.get(k).kPa() - 1) <= 0.15 ? 1 : 0;
                        }
                        sb.append(String.format(" | %2.0f mm median %6.2f p10-p90 %6.2f-%6.2f within15%% %d/%d",
                                incs.get(k).diameterMm(), d[ns / 2], d[(int) (0.1 * ns)], d[(int) Math.min(ns - 1, 0.9 * ns)],
                                within, ns));
                    }
                    System.out.println(sb);
                }
            }
        }
    }
}
