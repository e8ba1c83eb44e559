// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.server.process.ExamReading;
import dev.mre.server.results.ExamResult;
import java.util.List;

/**
 * The learned half of the analysis: the liver mask and the DL stiffness map of every slice. Loaded
 * once at start-up; {@link #none()} when no model package is installed (the physics path then
 * runs alone, and the result says so).
 */
public interface DeepModels {

    /** Per slice (exam order): liver mask, or {@code null} without a liver model; DL stiffness kPa, or {@code null}. */
    record Output(boolean[][] liver, float[][] stiffnessKpa, String liverSource) {
    }

    Output run(ExamReading reading) throws Exception;

    /** The model packages that ran (name, version), for every result object. */
    List<ExamResult.Model> models();

    /** A line for the log: which models, which backend. */
    String describe();

    /**
     * Runs every loaded network once on a batch of {@code slices} blank inputs, so that the
     * runtime's first run at an exam's batch size (memory planning, kernel choice) happens before
     * a real exam. The default does nothing.
     */
    default void warmUp(int slices) throws Exception {
    }

    /** No models installed. */
    static DeepModels none() {
        return new DeepModels() {
            @Override
            public Output run(ExamReading reading) {
                return new Output(null, null, "none");
            }

            @Override
            public List<ExamResult.Model> models() {
                return List.of();
            }

            @Override
            public String describe() {
                return "no model packages installed: physics only";
            }
        };
    }
}
