// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the figures of docs/inversion.md: per phantom kind, truth |G*| next to the AHI and MDEV
 * maps, the confidence map and AHI inside the 95% mask. Not a test; run with the test class path:
 * {@code java -cp ... dev.mre.science.phantom.PhantomFigure docs/img}.
 */
public final class PhantomFigure {
    private PhantomFigure() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/figures");
        figure(dir.resolve("inversion-homogeneous-3kpa.png"),
                ExamSpec.defaults(PhantomKind.HOMOGENEOUS, 21).withStiffness(3).withMatrix(256, 256, 1),
                InversionConfig.defaults(), 8);
        figure(dir.resolve("inversion-inclusions-snr3000.png"),
                ExamSpec.defaults(PhantomKind.INCLUSIONS, 5).withMatrix(256, 256, 1)
                        .withAcquisition(AcquisitionConfig.defaults().withSnr(3000)),
                InversionConfig.defaults().withBandPass(0, 150), 12);
        figure(dir.resolve("inversion-inclusions-qa-snr100.png"),
                ExamSpec.defaults(PhantomKind.INCLUSIONS, 1).withMatrix(256, 256, 1)
                        .withAcquisition(AcquisitionConfig.defaults().withSnr(InclusionPhantomTest.QA_SNR)),
                InversionConfig.highResolution(), 12);
        figure(dir.resolve("inversion-anatomical-f2-snr3000.png"),
                ExamSpec.defaults(PhantomKind.ANATOMICAL, 102).withStage(FibrosisStage.F2).withMatrix(256, 256, 1)
                        .withAcquisition(AcquisitionConfig.defaults().withSnr(3000)),
                InversionConfig.defaults(), 8);
        figure(dir.resolve("inversion-anatomical-f2-snr30.png"),
                ExamSpec.defaults(PhantomKind.ANATOMICAL, 102).withStage(FibrosisStage.F2).withMatrix(256, 256, 1),
                InversionConfig.defaults(), 8);
    }

    private static void figure(Path file, ExamSpec spec, InversionConfig config, double maxKPa) {
        Exam e = PhantomExams.generate(spec);
        SliceResult r = PhysicsPipeline.run(PhantomExams.toMreExam(e), config).get(0);
        var t = e.slices().get(0).truth();
        int n = t.nx() * t.ny();
        double[] truth = new double[n];
        double[] masked = MapPng.toDouble(r.maps().get(InversionMethod.AHI).values());
        for (int k = 0; k < n; k++) {
            truth[k] = t.tissue(k).solid() ? t.modulusKPa(k) : Double.NaN;
            if (!r.confidence().mask()[k]) {
                masked[k] = Double.NaN;
            }
        }
        String range = String.format(" 0-%.0f kPa", maxKPa);
        MapPng.write(file, t.ny(), t.nx(), List.of(
                new MapPng.Panel("truth |G*|" + range, truth, 0, maxKPa),
                new MapPng.Panel("AHI |G*|" + range, MapPng.toDouble(r.maps().get(InversionMethod.AHI).values()), 0, maxKPa),
                new MapPng.Panel("MDEV |G*|" + range, MapPng.toDouble(r.maps().get(InversionMethod.MDEV).values()), 0, maxKPa),
                new MapPng.Panel("confidence 0-1", MapPng.toDouble(r.confidence().confidence()), 0, 1),
                new MapPng.Panel("AHI in 95% mask", masked, 0, maxKPa)));
        System.out.println("wrote " + file);
    }
}
