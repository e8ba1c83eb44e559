// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import java.util.Map;

/**
 * Experiment (not a test): bias, spread and mask size of each preset on the homogeneous phantoms
 * of {@link HomogeneousPhantomTest} (SNR 30), for the tables in docs/inversion.md. Run with the
 * classpath of {@code PhantomFigure}.
 */
public final class PresetSweep {
    private PresetSweep() {
    }

    public static void main(String[] args) {
        Map<String, InversionConfig> presets = new java.util.LinkedHashMap<>();
        presets.put("defaults", InversionConfig.defaults());
        presets.put("highResolution", InversionConfig.highResolution());
        presets.put("highResolution + adaptive 3", InversionConfig.highResolution().withAdaptiveMaxRadius(3));
        presets.put("defaults + 8 directional", InversionConfig.defaults().withDirectionalFilters(8));
        presets.put("defaults + 8 directional + high-pass 10", InversionConfig.defaults().withDirectionalFilters(8)
                .withBandPass(10, InversionConfig.defaults().lowPassCutoffPerM()));
        presets.put("defaults + high-pass 10", InversionConfig.defaults()
                .withBandPass(10, InversionConfig.defaults().lowPassCutoffPerM()));
        if (args.length > 0) {
            presets.keySet().retainAll(java.util.List.of(args));
        }
        for (double kPa : new double[] {1, 3, 8}) {
            Exam e = PhantomExams.generate(ExamSpec.defaults(PhantomKind.HOMOGENEOUS, 21).withStiffness(kPa)
                    .withMatrix(256, 256, 1));
            for (var p : presets.entrySet()) {
                SliceResult r = PhysicsPipeline.run(PhantomExams.toMreExam(e), p.getValue()).get(0);
                for (InversionMethod m : InversionMethod.values()) {
                    double g = r.medianInMask(m);
                    double[] q = PhantomStats.quartilesInMask(r.maps().get(m).values(), r.confidence().mask());
                    System.out.printf("| %.0f kPa | %s | %s | %+.2f%% | %.1f%% | %d |%n", kPa, p.getKey(), m,
                            100 * (g / e.liverKPa() - 1), 100 * (q[1] - q[0]) / e.liverKPa(), r.confidence().maskedPixels());
                }
            }
        }
    }
}
