// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.ingest.SeriesTracker;
import dev.mre.server.testing.Appliance;
import dev.mre.server.testing.Dcmtk;
import dev.mre.server.testing.MrObjects;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeVerticleTest {
    @TempDir
    Path dir;

    @Test
    void aSeriesSentByStorescuIsSpooledAndAnnouncedOnTheEventBus() throws Exception {
        Path in = dir.resolve("in");
        MrObjects.write(in.resolve("1.dcm"), MrObjects.dataset("1.2.3.7001"));
        MrObjects.write(in.resolve("2.dcm"), MrObjects.dataset("1.2.3.7002"));
        try (Appliance app = Appliance.start(dir, new JsonObject())) {
            CompletableFuture<JsonObject> event = new CompletableFuture<>();
            app.vertx.eventBus().<JsonObject>consumer(SeriesTracker.SERIES_COMPLETE, m -> event.complete(m.body()));
            Dcmtk.Result r = Dcmtk.run("storescu", "-aet", "CONSOLE", "-aec", "MRE_APPLIANCE", "+sd",
                    "127.0.0.1", String.valueOf(app.port()), in.toString());
            assertEquals(0, r.exitCode(), r.output());
            JsonObject e = event.get(10, TimeUnit.SECONDS);
            assertEquals(MrObjects.STUDY, e.getString("studyInstanceUid"));
            assertEquals(MrObjects.SERIES, e.getString("seriesInstanceUid"));
            assertEquals("CONSOLE", e.getString("callingAe"));
            assertEquals(2, e.getInteger("instanceCount"));
            for (int i = 0; i < 2; i++) {
                assertTrue(Files.exists(Path.of(e.getJsonArray("instances").getJsonObject(i).getString("path"))));
            }
        }
    }

    @Test
    void withTheWriteAheadJournalStorescuObjectsLandInTheSpoolWithTheDataSetsSent() throws Exception {
        Path in = dir.resolve("in");
        int n = 12;
        for (int i = 1; i <= n; i++) {
            MrObjects.write(in.resolve(i + ".dcm"), MrObjects.dataset("1.2.3.71" + i));
        }
        JsonObject journal = new JsonObject().put("spool", new JsonObject().put("journalSegmentMegabytes", 1));
        try (Appliance app = Appliance.start(dir, journal)) {
            CompletableFuture<JsonObject> event = new CompletableFuture<>();
            app.vertx.eventBus().<JsonObject>consumer(SeriesTracker.SERIES_COMPLETE, m -> event.complete(m.body()));
            Dcmtk.Result r = Dcmtk.run("storescu", "-aet", "CONSOLE", "-aec", "MRE_APPLIANCE", "+sd",
                    "127.0.0.1", String.valueOf(app.port()), in.toString());
            assertEquals(0, r.exitCode(), r.output());
            JsonObject e = event.get(10, TimeUnit.SECONDS);
            assertEquals(n, e.getInteger("instanceCount"));
            for (int i = 0; i < n; i++) {
                Path stored = Path.of(e.getJsonArray("instances").getJsonObject(i).getString("path"));
                String uid = e.getJsonArray("instances").getJsonObject(i).getString("sopInstanceUid");
                // the spool file holds exactly the data set that was sent, after our file meta
                byte[] sent = MrObjects.datasetBytes(MrObjects.dataset(uid));
                byte[] file = Files.readAllBytes(stored);
                assertTrue(file.length > sent.length);
                assertEquals(java.nio.ByteBuffer.wrap(sent),
                        java.nio.ByteBuffer.wrap(file, file.length - sent.length, sent.length), uid);
            }
            assertTrue(Files.isDirectory(dir.resolve("spool/.journal")), "the journal was not used");
        }
    }
}
