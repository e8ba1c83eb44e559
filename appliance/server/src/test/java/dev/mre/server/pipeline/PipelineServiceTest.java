// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.testing.Appliance;
import dev.mre.server.testing.Dcmtk;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running appliance processes an exam DCMTK's storescu sends it once its series are complete,
 * records that it did, and after a restart recognises the same input as processed.
 */
class PipelineServiceTest {
    private static final Path EXAM = Path.of("../../test-phantoms/reference/anatomical/dicom");

    @Test
    void anExamSentByStorescuIsProcessedOnceAcrossRestarts(@TempDir Path dir) throws Exception {
        JsonObject first;
        JsonObject site = new JsonObject().put("measurement", new JsonObject().put("stagingTable", "jmir2025"));
        try (Appliance app = Appliance.start(dir, site)) {
            BlockingQueue<JsonObject> done = events(app);
            Dcmtk.Result r = Dcmtk.run("storescu", "-aet", "CONSOLE", "-aec", "MRE_APPLIANCE", "+sd", "+r",
                    "127.0.0.1", Integer.toString(app.port()), EXAM.toString());
            assertEquals(0, r.exitCode(), r.output());
            first = next(done, "DONE");
            JsonObject summary = first.getJsonObject("summary");
            assertEquals(4, summary.getJsonArray("slices").size());
            assertNotNull(summary.getJsonArray("slices").getJsonObject(0).getJsonObject("methods")
                    .getJsonObject("ahi").getDouble("median_kpa"));
            assertTrue(Files.isDirectory(Path.of(first.getString("resultDir"))));
            JsonObject exam = summary.getJsonObject("exam");
            assertEquals("jmir2025 v1", exam.getString("staging_table"), "the configured table stages the exam");
            assertTrue(java.util.Set.of("below-F2", "F2-or-more").contains(exam.getString("stage_code")), exam.encode());
        }
        String study = first.getString("studyInstanceUid");
        JsonObject marker = new ProcessedExams(dir.resolve("state")).get(study);
        assertEquals("done", marker.getString("outcome"));
        try (Appliance app = Appliance.start(dir, new JsonObject())) {
            // the start-up scan may publish before we subscribe; the marker decides either way
            JsonObject again = new ProcessedExams(dir.resolve("state")).get(study);
            assertEquals(marker.getString("fingerprint"), again.getString("fingerprint"));
            BlockingQueue<JsonObject> done = events(app);
            Dcmtk.Result r = Dcmtk.run("storescu", "-aet", "CONSOLE", "-aec", "MRE_APPLIANCE", "+sd", "+r",
                    "127.0.0.1", Integer.toString(app.port()), EXAM.resolve("01_magnitude").toString());
            assertEquals(0, r.exitCode(), r.output());
            JsonObject e = next(done, null);
            assertEquals("ALREADY_PROCESSED", e.getString("status"), e.encode());
        }
    }

    private static BlockingQueue<JsonObject> events(Appliance app) {
        BlockingQueue<JsonObject> q = new LinkedBlockingQueue<>();
        app.vertx.eventBus().<JsonObject>consumer(PipelineService.EXAM_DONE, m -> q.add(m.body()));
        return q;
    }

    /**
     * The next event with the given status (any but WAITING and FAILED when null). WAITING and
     * FAILED may come first: on a loaded machine a series can complete in two parts (a pause longer
     * than the quiet time), and the exam assembled in between has a slice short of images.
     */
    private static JsonObject next(BlockingQueue<JsonObject> q, String status) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        java.util.List<String> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < end) {
            JsonObject e = q.poll(1, TimeUnit.SECONDS);
            if (e == null) {
                continue;
            }
            seen.add(e.encode());
            String s = e.getString("status");
            if (status != null ? status.equals(s) : !s.equals("WAITING") && !s.equals("FAILED")) {
                return e;
            }
            if (!s.equals("WAITING") && !s.equals("FAILED")) {
                throw new AssertionError("unexpected exam event " + e.encode() + " after " + seen);
            }
        }
        throw new AssertionError("no " + (status == null ? "final" : status) + " exam event within 120 s; seen " + seen);
    }
}
