// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * QA inclusion phantom (test-phantoms default layout: 3 kPa gel, 10 kPa inclusions of 20, 10, 6
 * and 4 mm, 20 mm below the image centre), one 256x256 slice. Centre value: median over a disc of
 * a quarter diameter (at least the centre pixel). "Resolved" = centre within 15% of truth.
 *
 * <p>Issue 4 asks for 10 mm and more within 15%. With the defaults (5x5 window, 100 1/m low-pass,
 * tuned for liver at SNR 30) only the 20 mm inclusion is resolved, and only when the wave there is
 * well above noise: the window and the low-pass blur the soft surroundings into a 6.4-pixel disc.
 * {@link InversionConfig#highResolution()} (3x3, 200 1/m) resolves 10 mm with AHI from SNR 60 on;
 * MDEV's magnitude ratio does not get within 15% at 10 mm at any SNR. Without noise and without
 * smoothing both inversions resolve 6 mm: the limit is the smoothing that noise forces.
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
        // InversionConfig.highResolution(): 3x3 window, 200 1/m low-pass. Swept (docs/inversion.md):
        // AHI 10 mm reads -3% at SNR 3000, -6% at 300, -12% at 100, -13% at 60, -17% at 30; the
        // default 5x5 window reads -45% at every SNR. MDEV's magnitude ratio stays -17% or worse.
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
        double px = e.spec().pixelMm();
        int nx = e.spec().columns();
        int ny = e.spec().rows();
        double cx = inc.xMm() / px + nx / 2.0 - 0.5;
        double cy = inc.yMm() / px + ny / 2.0 - 0.5;
        double rad = Math.max(1, inc.diameterMm() / 4 / px);
        boolean[] d = new boolean[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                d[y * nx + x] = Math.hypot(x - cx, y - cy) <= rad;
            }
        }
        return d;
    }
}
