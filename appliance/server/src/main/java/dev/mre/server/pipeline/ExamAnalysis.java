// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.server.process.ExamReading;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * What the appliance computes from one assembled exam: the science (physics inversion, models,
 * measurement, staging) and the result objects for the console and PACS. Blocking; runs on the
 * pipeline's worker thread, never on an event loop.
 */
public interface ExamAnalysis {

    /**
     * @param reading the exam and the files it was built from
     * @param outDir  an empty folder for the result Part 10 files (the caller makes them durable)
     * @return the result objects written into {@code outDir} and a JSON summary (values, flags)
     */
    Result analyse(ExamReading reading, Path outDir) throws Exception;

    /**
     * Runs the analysis once on made-up data so that the first real exam runs at full speed
     * (JIT-compiled code, initialised inference runtime). Optional; the default does nothing.
     */
    default void warmUp() throws Exception {
    }

    /** One result object: its Part 10 file and SOP Instance UID (deterministic per input). */
    record ResultObject(Path file, String sopInstanceUid, String kind) {
    }

    /** The result objects and the summary that is logged and returned to `demo`. */
    record Result(List<ResultObject> objects, JsonObject summary) {
        public Result {
            objects = List.copyOf(objects);
        }
    }
}
