// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.phantoms.acquisition.AcquiredSlice;
import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.acquisition.MreAcquisition;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.phantoms.physics.WaveSolver;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.MapStatistics;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhaseScaling;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * QA inclusion phantom (test-phantoms default layout: 3 kPa gel, 10 kPa inclusions of 20, 10, 6
 * and 4 mm, 20 mm below the image centre), one 256x256 slice. Centre value: median over a disc of
 * a quarter diameter (at least the centre pixel). "Resolved" = centre within 15% of truth.
 *
 * <p>Issue 4 asks for 10 mm and more within 15%. With the defaults (5x5 window, 100 1/m low-pass,
 * tuned for liver at SNR 30) only the 20 mm inclusion is resolved, and only when the wave there is
 * well above noise: the window and the low-pass blur the soft surroundings into a 6.4-pixel disc.
 * {@link InversionConfig#highResolution()} (3x3, 200 1/m, AHI noise-bias correction) resolves 10
 * and 20 mm with AHI on every noise draw from SNR 100 (9 and 10 of 10 draws), on most at SNR 60
 * (8 and 7 of 10) and on a minority at SNR 30 (4 and 1 of 10): there the correction removes most
 * of the bias, but a 3x3 Laplacian of noisy data scatters by +-25% at the centres. MDEV's
 * magnitude ratio does not get within 15% at 10 mm at any SNR. Without noise and without
 * smoothing both inversions resolve 6 mm: the limit is the smoothing that noise forces.
 *
 * <p>Issue 4's inclusion line is judged under QA conditions (docs/inversion.md, "Inclusion
 * phantoms under QA conditions"): SNR {@value #QA_SNR}, highResolution(), the cylinder read over
 * all 4 slices; {@link #underQaConditionsEveryNoiseDrawReadsTheTenAndTwentyMillimetreCylindersWithinFifteenPercent}.
 */
class InclusionPhantomTest {
    static final double RESOLVED = 0.15;

    @Test
    void atHighSnrTheTwentyMillimetreInclusionIsResolvedByBothMethods() {
        ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1)
                .withAcquisition(AcquisitionConfig.defaults().withSnr(3000));
        // sharper band: at SNR 3000 noise allows a 150 1/m low-pass, which blurs the edge less
        InversionConfig config = InversionConfig.defaults().withBandPass(0, 150);
        Exam e = PhantomExams.generate(spec);
        SliceResult r = PhysicsPipeline.run(PhantomExams.toMreExam(e), config).get(0);
        for (InversionMethod m : InversionMethod.values()) {
            double g20 = report(e, r, m, "SNR 3000, low-pass 150");
            assertEquals(10, g20, RESOLVED * 10, m + " 20 mm");
        }
    }

    @Test
    void theHighResolutionPresetResolvesTheTenMillimetreInclusionWithAhiAtSnr100() {
        // InversionConfig.highResolution(): 3x3 window, 200 1/m low-pass, noise-bias correction.
        // Over 10 noise draws (InclusionSeeds, docs/inversion.md) AHI reads 10 mm at a median of
        // -7.5% at SNR 100 (p10-p90 8.9-10.9 kPa, 9 of 10 within 15%) and 20 mm at -5.9% (10 of
        // 10); this seed: 8.90 and 10.41. The default 5x5 window reads 10 mm -45% at every SNR.
        ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1)
                .withAcquisition(AcquisitionConfig.defaults().withSnr(100));
        Exam e = PhantomExams.generate(spec);
        SliceResult r = PhysicsPipeline.run(PhantomExams.toMreExam(e), InversionConfig.highResolution()).get(0);
        for (InversionMethod m : InversionMethod.values()) {
            report(e, r, m, "SNR 100, highResolution()");
        }
        for (BlockPhantoms.Inclusion inc : BlockPhantoms.defaultInclusions()) {
            if (inc.diameterMm() >= 10) {
                double g = MapStatistics.medianInMask(r.maps().get(InversionMethod.AHI).values(), disc(e, inc));
                assertEquals(inc.kPa(), g, RESOLVED * inc.kPa(), "AHI " + inc.diameterMm() + " mm");
            }
        }
    }

    /** SNR of the QA phantom acquisition (docs/inversion.md, "Inclusion phantoms: QA conditions"). */
    static final double QA_SNR = 100;

    @Test
    void underQaConditionsEveryNoiseDrawReadsTheTenAndTwentyMillimetreCylindersWithinFifteenPercent() {
        // Issue 4's inclusion line, as a physicist runs it: the QA phantom (4 slices, cylinders
        // through all of them) acquired at QA SNR 100, the high-resolution preset, and the
        // cylinder's centre read as the median over the centre discs of every slice. 8 independent
        // noise draws (ExamGenerator's per-slice seeds for exam seeds 1..8) of one solved wave.
        // Measured over draws 1-20 (InclusionAdaptive 100 1..20 hr): 20/20 draws within 15% at
        // 20 mm (draw medians 9.56 / 9.81 kPa for draws 1-10 / 11-20) and at 10 mm (9.25 / 9.59).
        // The 6 mm cylinder reads about 4.5 kPa on every draw: 10 mm is the smallest resolved.
        ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 1)
                .withAcquisition(AcquisitionConfig.defaults().withSnr(QA_SNR));
        Exam first = PhantomExams.generate(spec.withMatrix(256, 256, 1));
        var model = first.slices().get(0).truth();
        var wave = WaveSolver.solve(model.medium(), model.force(), spec.solver());
        List<BlockPhantoms.Inclusion> incs = BlockPhantoms.defaultInclusions();
        int draws = 8;
        for (int d = 1; d <= draws; d++) {
            MreExam exam = PhantomExams.draw(spec, model, wave, spec.acquisition(), d);
            List<SliceResult> res = PhysicsPipeline.run(exam, InversionConfig.highResolution());
            StringBuilder line = new StringBuilder("SNR " + QA_SNR + ", highResolution(), draw " + d
                    + ", AHI cylinder centres over " + res.size() + " slices:");
            for (BlockPhantoms.Inclusion inc : incs) {
                double g = cylinderCentre(res, disc(first, inc));
                line.append(String.format(" %.0f mm %.2f kPa", inc.diameterMm(), g));
                if (inc.diameterMm() >= 10) {
                    assertEquals(inc.kPa(), g, RESOLVED * inc.kPa(), "draw " + d + ", " + inc.diameterMm() + " mm");
                } else if (inc.diameterMm() == 6) {
                    assertTrue(Math.abs(g / inc.kPa() - 1) > RESOLVED, "6 mm unexpectedly resolved: " + g);
                }
            }
            System.out.println(line);
        }
    }

    /** Median of one method's (AHI) values over the same disc in every slice: a cylinder ROI. */
    static double cylinderCentre(List<SliceResult> res, boolean[] disc) {
        java.util.stream.DoubleStream.Builder v = java.util.stream.DoubleStream.builder();
        for (SliceResult r : res) {
            float[] map = r.maps().get(InversionMethod.AHI).values();
            for (int k = 0; k < disc.length; k++) {
                if (disc[k] && !Float.isNaN(map[k])) {
                    v.add(map[k]);
                }
            }
        }
        return median(v.build().toArray());
    }

    @Test
    void atSnr30TheNoiseBiasCorrectionRemovesMostOfTheLowBiasOverNoiseDraws() {
        // The phantom's default acquisition (SNR 30), 8 noise draws of one solved wave (seeds 1..8,
        // as ExamGenerator draws them), highResolution() with and without the correction; the
        // median over draws of each inclusion's centre value. The noise terms predicted at the
        // centres (NoiseBiasProbe) are: first order 3.8% (10 mm) and 34% (20 mm, where the wave is
        // 0.31 rad and the 3x3 Laplacian's noise exceeds the signal), second order (half the
        // variance of D) 7% and about 100% of |D0|^2. Measured draw medians: 10 mm 8.1 -> 8.95 kPa,
        // 20 mm 5.5 -> 7.4 kPa. So: the correction must raise both (by more than 5% and 20%), and
        // the 10 mm draw median must come within 15% (-10.5%: 4.5 points of margin, the median of
        // 8 draws of a +-25% scatter has a standard error of about 8%, so this holds for these
        // seeds, not for every set of 8). The 20 mm stays about 26% low at SNR 30: the 3x3 window
        // is noise-dominated there and the guard caps the correction; a 5x5 window with the
        // correction reads it at a draw median of 9.9 kPa, but blurs the 10 mm to 5.4.
        ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1);
        Exam e = PhantomExams.generate(spec);
        var model = e.slices().get(0).truth();
        var wave = WaveSolver.solve(model.medium(), model.force(), spec.solver());
        InversionConfig on = InversionConfig.highResolution();
        InversionConfig off = on.withNoiseBiasCorrection(false);
        List<BlockPhantoms.Inclusion> incs = List.of(BlockPhantoms.defaultInclusions().get(0),
                BlockPhantoms.defaultInclusions().get(1));
        int draws = 8;
        double[][][] v = new double[2][incs.size()][draws];
        for (int d = 0; d < draws; d++) {
            AcquiredSlice a = MreAcquisition.acquire(model, wave, spec.acquisition(),
                    new SplittableRandom((d + 1) * 1_000_003L + 1));
            double h = spec.pixelMm() / 1000;
            MreExam exam = new MreExam(spec.rows(), spec.columns(), h, h, spec.solver().frequencyHz(),
                    PhaseScaling.radians(), List.of(new MreSlice(0, 0, spec.sliceThicknessMm() / 1000,
                            a.magnitude(), a.phaseRad())));
            for (int c = 0; c < 2; c++) {
                SliceResult r = PhysicsPipeline.run(exam, c == 0 ? off : on).get(0);
                for (int k = 0; k < incs.size(); k++) {
                    v[c][k][d] = MapStatistics.medianInMask(r.maps().get(InversionMethod.AHI).values(),
                            disc(e, incs.get(k)));
                }
            }
        }
        for (int k = 0; k < incs.size(); k++) {
            double before = median(v[0][k]);
            double after = median(v[1][k]);
            System.out.printf("SNR 30, highResolution(), %d draws: AHI %.0f mm draw median %.2f kPa without, %.2f with"
                    + " the noise-bias correction; draws with: %s%n", draws, incs.get(k).diameterMm(), before, after,
                    Arrays.toString(v[1][k]));
            assertTrue(after > before * (k == 0 ? 1.20 : 1.05), incs.get(k).diameterMm() + " mm: correction raises "
                    + before + " -> " + after);
        }
        assertEquals(10, median(v[1][1]), RESOLVED * 10, "10 mm draw median with the correction");
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    @Test
    void withoutNoiseAndWithoutSmoothingBothInversionsResolveInclusionsDownToSixMillimetres() {
        // what the local inversions can do on an FD-solved heterogeneous field: per pixel (r = 0),
        // no low-pass; the 3-point stencil fits inside a 6 mm (3.8 pixel) disc, not a 4 mm one
        ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1)
                .withAcquisition(AcquisitionConfig.defaults().withSnr(1e6));
        InversionConfig config = InversionConfig.defaults().withBandPass(0, 1e6).withWindowRadius(0);
        Exam e = PhantomExams.generate(spec);
        SliceResult r = PhysicsPipeline.run(PhantomExams.toMreExam(e), config).get(0);
        for (InversionMethod m : InversionMethod.values()) {
            report(e, r, m, "noise-free, r 0, no low-pass");
            for (BlockPhantoms.Inclusion inc : BlockPhantoms.defaultInclusions()) {
                if (inc.diameterMm() >= 6) {
                    double g = MapStatistics.medianInMask(r.maps().get(m).values(), disc(e, inc));
                    assertEquals(inc.kPa(), g, RESOLVED * inc.kPa(), m + " " + inc.diameterMm() + " mm");
                }
            }
        }
    }

    @Test
    void atClinicalSnrTheMaskNeverVouchesForAWrongInclusionCentre() {
        Exam e = PhantomExams.generate(ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1));
        SliceResult r = PhysicsPipeline.run(PhantomExams.toMreExam(e), InversionConfig.defaults()).get(0);
        for (InversionMethod m : InversionMethod.values()) {
            report(e, r, m, "SNR 30, defaults");
            for (BlockPhantoms.Inclusion inc : BlockPhantoms.defaultInclusions()) {
                boolean[] disc = disc(e, inc);
                double g = MapStatistics.medianInMask(r.maps().get(m).values(), disc);
                boolean inMask = r.confidence().mask()[centre(e, inc)];
                assertTrue(!inMask || Math.abs(g / inc.kPa() - 1) <= RESOLVED,
                        m + " " + inc.diameterMm() + " mm centre in the mask but off: " + g);
            }
        }
    }

    /** Prints every inclusion's centre value; returns the 20 mm one. */
    private static double report(Exam e, SliceResult r, InversionMethod m, String what) {
        double smallest = Double.NaN;
        double g20 = Double.NaN;
        for (BlockPhantoms.Inclusion inc : BlockPhantoms.defaultInclusions()) {
            double g = MapStatistics.medianInMask(r.maps().get(m).values(), disc(e, inc));
            double err = g / inc.kPa() - 1;
            System.out.printf("%s: inclusion %.0f mm (%.0f kPa) %s: centre %.2f kPa (%+.1f%%), centre in mask: %s%n",
                    what, inc.diameterMm(), inc.kPa(), m, g, 100 * err, r.confidence().mask()[centre(e, inc)]);
            if (Math.abs(err) <= RESOLVED) {
                smallest = Double.isNaN(smallest) ? inc.diameterMm() : Math.min(smallest, inc.diameterMm());
            }
            if (inc.diameterMm() == 20) {
                g20 = g;
            }
        }
        System.out.printf("%s: %s smallest resolved inclusion %.0f mm%n", what, m, smallest);
        return g20;
    }

    static int centreOf(Exam e, BlockPhantoms.Inclusion inc) {
        return centre(e, inc);
    }

    static boolean[] discOf(Exam e, BlockPhantoms.Inclusion inc) {
        return disc(e, inc);
    }

    private static int centre(Exam e, BlockPhantoms.Inclusion inc) {
        double px = e.spec().pixelMm();
        int x = (int) Math.round(inc.xMm() / px + e.spec().columns() / 2.0 - 0.5);
        int y = (int) Math.round(inc.yMm() / px + e.spec().rows() / 2.0 - 0.5);
        return y * e.spec().columns() + x;
    }

    private static boolean[] disc(Exam e, BlockPhantoms.Inclusion inc) {
        return InclusionAdaptive.disc(e.spec().columns(), e.spec().rows(), e.spec().pixelMm(), inc);
    }
}
