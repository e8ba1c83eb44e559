// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.science.InversionConfig;
import dev.mre.science.WaveField;
import dev.mre.science.grid.BoxFilter;
import dev.mre.science.inversion.LaplacianNoise;
import dev.mre.science.inversion.LocalSums;
import dev.mre.science.wave.WaveFieldExtraction;

/** Experiment: noise terms of the AHI window sums at the inclusion centres, measured vs predicted. */
public final class NoiseBiasProbe {
    public static void main(String[] args) {
        double snr = Double.parseDouble(args[0]);
        int seeds = Integer.parseInt(args[1]);
        int r = Integer.parseInt(args[2]);
        double lp = Double.parseDouble(args[3]);
        InversionConfig c = InversionConfig.defaults().withBandPass(0, lp).withWindowRadius(r);
        ExamSpec ref = ExamSpec.defaults(PhantomKind.INCLUSIONS, 1).withMatrix(256, 256, 1)
                .withAcquisition(AcquisitionConfig.defaults().withSnr(1e5));
        Exam e0 = PhantomExams.generate(ref);
        var mre0 = PhantomExams.toMreExam(e0);
        WaveField w0 = WaveFieldExtraction.extract(mre0, mre0.slices().get(0), c);
        LocalSums s0 = LocalSums.of(w0, r);
        LaplacianNoise k = LaplacianNoise.of(256, 256, w0.rowSpacingM(), w0.colSpacingM(), c);
        double lw = LaplacianNoise.windowSumVariance(256, 256, w0.rowSpacingM(), w0.colSpacingM(), c, r);
        System.out.printf("ul %.4g ll %.4g lw(r=%d) %.4g (n ll = %.4g)%n", k.ul(), k.ll(), r, lw, (2 * r + 1) * (2 * r + 1) * k.ll());
        for (var inc : BlockPhantoms.defaultInclusions()) {
            boolean[] disc = InclusionPhantomTest.discOf(e0, inc);
            double[] acc = new double[10];
            int cnt = 0;
            for (int seed = 1; seed <= seeds; seed++) {
                ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, seed).withMatrix(256, 256, 1)
                        .withAcquisition(AcquisitionConfig.defaults().withSnr(snr));
                Exam e = PhantomExams.generate(spec);
                var mre = PhantomExams.toMreExam(e);
                WaveField w = WaveFieldExtraction.extract(mre, mre.slices().get(0), c);
                LocalSums s = LocalSums.of(w, r);
                double[] pw = BoxFilter.mean(w.noisePower(), 256, 256, 8);
                for (int i = 0; i < disc.length; i++) {
                    if (!disc[i]) {
                        continue;
                    }
                    double n = s.count()[i];
                    double dr = -s.ulRe()[i], di = -s.ulIm()[i];
                    double dr0 = -s0.ulRe()[i], di0 = -s0.ulIm()[i];
                    acc[0] += s0.uu()[i];
                    acc[1] += s.uu()[i] - s0.uu()[i];
                    acc[2] += n * pw[i];
                    acc[3] += dr - dr0;
                    acc[4] += -n * pw[i] * k.ul();
                    acc[5] += dr0 * dr0 + di0 * di0;
                    acc[6] += (dr - dr0) * (dr - dr0) + (di - di0) * (di - di0);
                    acc[7] += s.uu()[i] / n * pw[i] * lw;
                    acc[8] += di - di0;
                    acc[9] += n * n * pw[i] * pw[i] * k.ll(); // rough size of the noise x noise term
                    cnt++;
                }
                PhantomExams.forget(spec);
            }
            for (int j = 0; j < acc.length; j++) {
                acc[j] /= cnt;
            }
            System.out.printf("%2.0f mm: uu0 %.4g  d(uu) %.4g pred %.4g | ReD0 %.4g ImD0 %.4g d(ReD) %.4g pred %.4g d(ImD) %.4g | |D0|^2 %.4g E|D-D0|^2 %.4g pred V %.4g%n",
                    inc.diameterMm(), acc[0], acc[1], acc[2], Math.sqrt(acc[5]), 0.0, acc[3], acc[4], acc[8], acc[5], acc[6], acc[7]);
        }
    }
}
