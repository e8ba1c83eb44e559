// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.server.config.AppConfig;
import dev.mre.server.process.ExamReading;
import dev.mre.server.process.ProcessSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The appliance's standard analysis of one exam: the physics inversion (both methods), with the
 * summary of the {@code process} command.
 */
public final class StandardAnalysis implements ExamAnalysis {
    private final InversionConfig inversion;

    private StandardAnalysis(InversionConfig inversion) {
        this.inversion = inversion;
    }

    public static StandardAnalysis create(AppConfig config) {
        return new StandardAnalysis(InversionConfig.defaults());
    }

    @Override
    public Result analyse(ExamReading reading, Path outDir) {
        List<SliceResult> results = PhysicsPipeline.run(reading.exam(), inversion);
        return new Result(List.of(), ProcessSummary.of(reading, results, List.of(InversionMethod.values()), Map.of()));
    }
}
