// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Anatomical phantoms F0..F4 (test-phantoms), 2 slices of 256x256. Issue 4: mean |G*| in the
 * ideal ROI within 5% of truth; we average over ideal-ROI pixels inside our 95% mask, the clinical
 * practice. Truth: mean true |G*| over the same pixels.
 *
 * <p>At the phantom's default acquisition (SNR 30, median liver wave 0.5 rad against 0.033 rad of
 * phase noise) the mask holds 31-37% of the ideal ROI (measured; the rest is the far liver, where
 * the lossy wave has decayed to the noise, and the aliased near field of the driver). The default
 * test asserts at least a fifth of the ROI in the mask and the mean within 5% there. Accuracy with
 * most of the ROI in the mask is checked at SNR 3000. (Until the phantom scaled its wave by the
 * median liver amplitude the liver wave was 0.010 rad and the default acquisition could only be
 * checked where the mask happened to hold 100 ROI pixels: the second test.)
 */
@Tag("slow")
class AnatomicalPhantomTest {
    /** Fewer ROI pixels than this in the mask: "not measurable", the mean is not asserted. */
    static final int MIN_PIXELS = 100;

    @ParameterizedTest(name = "{0}")
    @EnumSource(FibrosisStage.class)
    void meanModulusOverTheIdealRoiInsideTheMaskIsWithinFivePercentAtHighSnr(FibrosisStage stage) {
        ExamSpec spec = ExamSpec.defaults(PhantomKind.ANATOMICAL, 100 + stage.ordinal()).withStage(stage)
                .withMatrix(256, 256, 2);
        spec = spec.withAcquisition(AcquisitionConfig.defaults().withSnr(3000));
        Exam e = PhantomExams.generate(spec);
        List<SliceResult> rs = PhysicsPipeline.run(PhantomExams.toMreExam(e), InversionConfig.defaults());
        for (InversionMethod m : InversionMethod.values()) {
            double[] s = roiMeans(e, rs, m);
            System.out.printf("anatomical %s %s: ROI&mask mean %.3f kPa, truth %.3f (%+.2f%%), %d of %d ROI px in mask%n",
                    stage, m, s[0], s[1], 100 * (s[0] / s[1] - 1), (int) s[2], (int) s[3]);
            assertTrue(s[2] >= MIN_PIXELS, "enough ROI pixels in the mask: " + s[2]);
            assertEquals(s[1], s[0], 0.05 * s[1], stage + " " + m);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FibrosisStage.class)
    void atTheDefaultAcquisitionTheMaskNeverVouchesForAWrongRoiMean(FibrosisStage stage) {
        Exam e = PhantomExams.generate(ExamSpec.defaults(PhantomKind.ANATOMICAL, 200 + stage.ordinal())
                .withStage(stage).withMatrix(256, 256, 2));
        List<SliceResult> rs = PhysicsPipeline.run(PhantomExams.toMreExam(e), InversionConfig.defaults());
        for (InversionMethod m : InversionMethod.values()) {
            double[] s = roiMeans(e, rs, m);
            System.out.printf("anatomical SNR 30 %s %s: ROI&mask mean %.3f kPa, truth %.3f (%+.2f%%), %d of %d ROI px in mask%n",
                    stage, m, s[0], s[1], 100 * (s[0] / s[1] - 1), (int) s[2], (int) s[3]);
            if (s[2] >= MIN_PIXELS) {
                assertEquals(s[1], s[0], 0.05 * s[1], stage + " " + m);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FibrosisStage.class)
    void atTheDefaultAcquisitionAFifthOfTheRoiIsConfidentAndItsMeanIsWithinFivePercent(FibrosisStage stage) {
        Exam e = PhantomExams.generate(ExamSpec.defaults(PhantomKind.ANATOMICAL, 200 + stage.ordinal())
                .withStage(stage).withMatrix(256, 256, 2));
        List<SliceResult> rs = PhysicsPipeline.run(PhantomExams.toMreExam(e), InversionConfig.defaults());
        for (InversionMethod m : InversionMethod.values()) {
            double[] s = roiMeans(e, rs, m);
            // measured 31-37% with margin for other bodies; 5% is the accuracy requirement
            assertTrue(s[2] >= 0.2 * s[3], stage + " " + m + ": " + (int) s[2] + " of " + (int) s[3] + " in mask");
            assertEquals(s[1], s[0], 0.05 * s[1], stage + " " + m);
        }
    }

    /** {our mean, true mean, pixel count} over ideal-ROI pixels in the mask, and the ROI size. */
    static double[] roiMeans(Exam e, List<SliceResult> rs, InversionMethod m) {
        double ours = 0;
        double truth = 0;
        int n = 0;
        int roi = 0;
        for (int i = 0; i < rs.size(); i++) {
            var t = e.slices().get(i).truth();
            float[] v = rs.get(i).maps().get(m).values();
            boolean[] mask = rs.get(i).confidence().mask();
            for (int k = 0; k < v.length; k++) {
                if (t.roi()[k]) {
                    roi++;
                    if (mask[k] && !Float.isNaN(v[k])) {
                        ours += v[k];
                        truth += t.modulusKPa(k);
                        n++;
                    }
                }
            }
        }
        return new double[] {ours / n, truth / n, n, roi};
    }
}
