// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SeriesTrackerTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    private static StoredInstance instance(String series, String sop) {
        return new StoredInstance("1.2.3", series, "1.2.840.10008.5.1.4.1.1.4", sop, "MR", "7", "MRE 60Hz",
                "CONSOLE", Path.of("/spool/1.2.3/" + series + "/" + sop + ".dcm"));
    }

    @Test
    void aSeriesThatStatesItsImageCountCompletesWithItsLastImageWithoutTheQuietTime(Vertx vertx,
                                                                                    VertxTestContext ctx) {
        SeriesTracker tracker = new SeriesTracker(vertx, Duration.ofHours(1), Duration.ofMinutes(1));
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(SeriesTracker.SERIES_COMPLETE, m -> events.add(m.body()));
        for (int i = 1; i <= 3; i++) {
            StoredInstance a = instance("1.2.3.9", "1.2.3.9." + i);
            StoredInstance counted = new StoredInstance(a.studyInstanceUid(), a.seriesInstanceUid(), a.sopClassUid(),
                    a.sopInstanceUid(), a.modality(), a.seriesNumber(), a.seriesDescription(), a.callingAe(), a.file(), 3);
            int sent = i;
            // image i goes in at 300 (i - 1) ms; 250 ms later the event count is checked
            vertx.setTimer(1 + 300L * (i - 1), t -> tracker.add(counted));
            vertx.setTimer(250 + 300L * (i - 1), t -> ctx.verify(() -> {
                assertEquals(sent == 3 ? 1 : 0, events.size(), "after " + sent + " of 3 images");
                if (sent == 3) {
                    assertEquals(3, events.get(0).getInteger("instanceCount"));
                    ctx.completeNow();
                }
            }));
        }
    }

    @Test
    void eachSeriesCompletesOnceAfterTheQuietTimeNamingWhatArrived(Vertx vertx, VertxTestContext ctx) {
        SeriesTracker tracker = new SeriesTracker(vertx, QUIET, Duration.ofMinutes(1));
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        Checkpoint bothSeries = ctx.checkpoint(2);
        Checkpoint verified = ctx.checkpoint();
        vertx.eventBus().<JsonObject>consumer(SeriesTracker.SERIES_COMPLETE, m -> {
            events.add(m.body());
            bothSeries.flag();
        });
        long start = System.nanoTime();
        tracker.add(instance("1.2.3.1", "1.2.3.1.1"));
        tracker.add(instance("1.2.3.1", "1.2.3.1.2"));
        tracker.add(instance("1.2.3.1", "1.2.3.1.2")); // duplicate: counted once
        tracker.add(instance("1.2.3.2", "1.2.3.2.1"));
        vertx.setTimer(QUIET.toMillis() * 4, t -> ctx.verify(() -> {
            assertEquals(2, events.size());
            JsonObject first = events.stream().filter(e -> e.getString("seriesInstanceUid").equals("1.2.3.1"))
                    .findFirst().orElseThrow();
            assertEquals("1.2.3", first.getString("studyInstanceUid"));
            assertEquals("MR", first.getString("modality"));
            assertEquals("7", first.getString("seriesNumber"));
            assertEquals("MRE 60Hz", first.getString("seriesDescription"));
            assertEquals("CONSOLE", first.getString("callingAe"));
            assertEquals(2, first.getInteger("instanceCount"));
            assertEquals(1, first.getInteger("completion"));
            assertEquals("/spool/1.2.3/1.2.3.1/1.2.3.1.1.dcm",
                    first.getJsonArray("instances").getJsonObject(0).getString("path"));
            assertEquals(true, System.nanoTime() - start >= QUIET.toNanos());
            verified.flag();
        }));
    }

    @Test
    void aLateInstanceReopensTheSeriesAndASecondEventListsAllInstances(Vertx vertx, VertxTestContext ctx) {
        SeriesTracker tracker = new SeriesTracker(vertx, QUIET, Duration.ofMinutes(1));
        Checkpoint twoCompletions = ctx.checkpoint(2);
        Checkpoint verified = ctx.checkpoint();
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(SeriesTracker.SERIES_COMPLETE, m -> {
            events.add(m.body());
            if (events.size() == 1) {
                tracker.add(instance("1.2.3.1", "1.2.3.1.99"));
            }
            twoCompletions.flag();
        });
        tracker.add(instance("1.2.3.1", "1.2.3.1.1"));
        vertx.setTimer(QUIET.toMillis() * 5, t -> ctx.verify(() -> {
            assertEquals(2, events.size());
            assertEquals(1, events.get(0).getInteger("instanceCount"));
            assertEquals(2, events.get(1).getInteger("instanceCount"));
            assertEquals(2, events.get(1).getInteger("completion"));
            verified.flag();
        }));
    }

    @Test
    void instancesArrivingWithinTheQuietTimeDelayCompletion(Vertx vertx, VertxTestContext ctx) {
        SeriesTracker tracker = new SeriesTracker(vertx, QUIET, Duration.ofMinutes(1));
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer(SeriesTracker.SERIES_COMPLETE, m -> events.add(m.body()));
        long every = QUIET.toMillis() / 3;
        for (int i = 0; i < 6; i++) {
            int n = i;
            vertx.setTimer(1 + n * every, t -> tracker.add(instance("1.2.3.1", "1.2.3.1." + n)));
        }
        Checkpoint notYet = ctx.checkpoint();
        vertx.setTimer(5 * every + QUIET.toMillis() / 2, t -> ctx.verify(() -> {
            assertEquals(0, events.size());
            notYet.flag();
        }));
        vertx.setTimer(5 * every + QUIET.toMillis() * 3, t -> ctx.verify(() -> {
            assertEquals(1, events.size());
            assertEquals(6, events.get(0).getInteger("instanceCount"));
            ctx.completeNow();
        }));
    }
}
