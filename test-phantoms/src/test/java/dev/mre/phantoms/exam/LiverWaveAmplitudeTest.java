// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.anatomy.Tissue;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The wave's scale: median liver amplitude as configured, and a liver wave well above the phase
 * noise at the default acquisition (the regression: a peak-at-the-driver scale left 0.010 rad of
 * wave in the liver against 0.033 rad of noise).
 */
class LiverWaveAmplitudeTest {

    @Test
    void medianLiverAmplitudeEqualsTheConfiguredReferenceAmplitudeInEverySlice() {
        Exam exam = ExamGenerator.generate(ExamSpec.defaults(PhantomKind.ANATOMICAL, 2026).withStage(FibrosisStage.F2)
                .withMatrix(256, 256, 2), false);
        double want = AcquisitionConfig.defaults().referenceAmplitudeUm();
        for (ExamSlice s : exam.slices()) {
            double[] a = amplitudes(s, Tissue.LIVER);
            // tolerance 1e-9 um: the median pixel is scaled to the value exactly, up to rounding
            assertEquals(want, a[a.length / 2], 1e-9, "slice " + s.index());
        }
    }

    @Test
    void liverWaveIsAtLeastTenTimesThePhaseNoiseAtTheDefaultSnr() {
        Exam exam = ExamGenerator.generate(ExamSpec.defaults(PhantomKind.ANATOMICAL, 2026).withStage(FibrosisStage.F2)
                .withMatrix(256, 256, 2), false);
        AcquisitionConfig cfg = exam.spec().acquisition();
        int no = cfg.phaseOffsets();
        for (ExamSlice s : exam.slices()) {
            double[] wave = s.images().waveUm();
            double sq = 0;
            int n = 0;
            for (int k = 0; k < wave.length / 2; k++) {
                if (s.truth().tissue(k) != Tissue.LIVER) {
                    continue;
                }
                // measured noise: first harmonic of the acquired phase minus the true wave, in rad
                double re = 0;
                double im = 0;
                for (int o = 0; o < no; o++) {
                    double p0 = s.images().phaseRad()[o][k];
                    double pr = wave[2 * k] / cfg.encodingUmPerRad() * Math.cos(2 * Math.PI * o / no)
                            - wave[2 * k + 1] / cfg.encodingUmPerRad() * Math.sin(2 * Math.PI * o / no);
                    double d = Math.IEEEremainder(p0 - pr, 2 * Math.PI); // noise and background only
                    re += d * Math.cos(2 * Math.PI * o / no);
                    im -= d * Math.sin(2 * Math.PI * o / no);
                }
                sq += (re * re + im * im) * 4.0 / (no * no);
                n++;
            }
            double noiseRad = Math.sqrt(sq / n);
            double[] liver = amplitudes(s, Tissue.LIVER);
            double[] body = amplitudes(s, null);
            double medianRad = liver[liver.length / 2] / cfg.encodingUmPerRad();
            System.out.printf(Locale.ROOT,
                    "slice %d: liver |U| median %.3f rad, p5 %.3f, p95 %.3f; first-harmonic noise %.4f rad rms;"
                            + " body |U| p99 %.1f um, max %.1f um%n",
                    s.index(), medianRad, liver[liver.length / 20] / cfg.encodingUmPerRad(),
                    liver[liver.length * 19 / 20] / cfg.encodingUmPerRad(), noiseRad, body[body.length * 99 / 100],
                    body[body.length - 1]);
            assertTrue(medianRad > 10 * noiseRad, medianRad + " rad wave vs " + noiseRad + " rad noise");
        }
    }

    /** Sorted |U| (um) over one tissue, or over all solid tissue but the table when null. */
    private static double[] amplitudes(ExamSlice s, Tissue only) {
        double[] w = s.images().waveUm();
        return IntStream.range(0, w.length / 2)
                .filter(k -> only == null ? s.truth().tissue(k).solid() && s.truth().tissue(k) != Tissue.TABLE
                        : s.truth().tissue(k) == only)
                .mapToDouble(k -> Math.hypot(w[2 * k], w[2 * k + 1])).sorted().toArray();
    }
}
