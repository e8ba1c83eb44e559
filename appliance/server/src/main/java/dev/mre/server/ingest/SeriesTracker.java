// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a series has arrived: a series is complete as soon as it holds as many instances
 * as its ImagesInAcquisition (0020,1002) says, when the sender gives it, else once
 * {@code quietTime} has passed since its last instance. Then it publishes one JSON event on
 * {@link #SERIES_COMPLETE} naming what arrived (see {@link #event}). DICOM has no "end of series"
 * message, so a count the sender states, or else a quiet time, is the only signal a console gives.
 *
 * <p>Late instances: a completed series is remembered for {@code reopenWindow}. An instance that
 * arrives within it re-opens the series; after the next quiet time a new event follows, listing
 * all instances so far, with {@code completion} counting up (1, 2, ...), so a consumer can
 * replace what it built from the earlier event. After the window the series is forgotten and a
 * late instance starts a new record (completion 1, only the new instances).
 *
 * <p>Threading: all state lives on one Vert.x context, captured at construction; {@link #add}
 * may be called from any thread (the spool's worker threads) and hops onto it. Timers only, no
 * blocking.
 */
public final class SeriesTracker {
    /** Event bus address of series-complete events (JSON body). */
    public static final String SERIES_COMPLETE = "mre.series.complete";
    private static final Logger log = LoggerFactory.getLogger(SeriesTracker.class);

    private final Vertx vertx;
    private final Context context;
    private final long quietMs;
    private final long reopenMs;
    private final Map<String, SeriesState> series = new HashMap<>();

    private static final class SeriesState {
        final Map<String, StoredInstance> instances = new LinkedHashMap<>();
        long timer = -1;
        /** The pending timer is the quiet-time timer (not the re-open window's). */
        boolean quietArmed;
        long lastInstanceNanos;
        int completions;
        boolean complete;
    }

    public SeriesTracker(Vertx vertx, Duration quietTime, Duration reopenWindow) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.quietMs = Math.max(1, quietTime.toMillis());
        this.reopenMs = Math.max(1, reopenWindow.toMillis());
    }

    /** Records a stored instance; thread-safe. A duplicate SOP Instance UID only restarts the quiet time. */
    public void add(StoredInstance instance) {
        context.runOnContext(v -> onInstance(instance));
    }

    private void onInstance(StoredInstance i) {
        String key = i.studyInstanceUid() + "/" + i.seriesInstanceUid();
        SeriesState s = series.computeIfAbsent(key, k -> new SeriesState());
        if (s.complete) {
            s.complete = false;
            log.info("series re-opened by a late instance: study={} series={}", i.studyInstanceUid(),
                    i.seriesInstanceUid());
        }
        s.instances.putIfAbsent(i.sopInstanceUid(), i);
        s.lastInstanceNanos = System.nanoTime();
        if (i.imagesInAcquisition() > 0 && s.instances.size() == i.imagesInAcquisition()) {
            vertx.cancelTimer(s.timer);
            s.timer = -1;
            s.quietArmed = false;
            onQuiet(key, s);                 // the sender said how many: complete now, no quiet time
        } else if (!s.quietArmed) {
            if (s.timer != -1) {
                vertx.cancelTimer(s.timer);  // the re-open window's
            }
            armQuiet(key, s, quietMs);
        }
        // else the armed quiet timer finds the newer lastInstanceNanos and waits for the rest: one
        // timer per quiet time instead of a cancel and a new timer for every instance
    }

    private void armQuiet(String key, SeriesState s, long delayMs) {
        s.quietArmed = true;
        s.timer = vertx.setTimer(Math.max(1, delayMs), id -> {
            s.quietArmed = false;
            s.timer = -1;
            long left = quietMs - (System.nanoTime() - s.lastInstanceNanos) / 1_000_000;
            if (left > 0) {
                armQuiet(key, s, left);
            } else {
                onQuiet(key, s);
            }
        });
    }

    private void onQuiet(String key, SeriesState s) {
        s.complete = true;
        s.completions++;
        JsonObject event = event(s);
        log.info("series complete: study={} series={} modality={} instances={} completion={}",
                event.getString("studyInstanceUid"), event.getString("seriesInstanceUid"),
                event.getString("modality"), s.instances.size(), s.completions);
        vertx.eventBus().publish(SERIES_COMPLETE, event);
        s.timer = vertx.setTimer(reopenMs, id -> {
            if (s.complete) {
                series.remove(key, s);
            }
        });
    }

    /**
     * The event body: {@code studyInstanceUid, seriesInstanceUid, modality, seriesNumber,
     * seriesDescription, callingAe, instanceCount, completion, completedAt, instances: [{sopInstanceUid,
     * sopClassUid, path}]}; absent attributes are JSON null.
     */
    private static JsonObject event(SeriesState s) {
        StoredInstance first = s.instances.values().iterator().next();
        JsonArray list = new JsonArray();
        for (StoredInstance i : s.instances.values()) {
            list.add(new JsonObject().put("sopInstanceUid", i.sopInstanceUid()).put("sopClassUid", i.sopClassUid())
                    .put("path", i.file().toString()));
        }
        return new JsonObject()
                .put("studyInstanceUid", first.studyInstanceUid())
                .put("seriesInstanceUid", first.seriesInstanceUid())
                .put("modality", first.modality())
                .put("seriesNumber", first.seriesNumber())
                .put("seriesDescription", first.seriesDescription())
                .put("callingAe", first.callingAe())
                .put("instanceCount", s.instances.size())
                .put("completion", s.completions)
                .put("completedAt", Instant.now().toString())
                .put("instances", list);
    }
}
