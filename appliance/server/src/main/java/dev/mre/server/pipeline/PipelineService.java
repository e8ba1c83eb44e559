// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.server.ingest.DurableFiles;
import dev.mre.server.ingest.SeriesTracker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link ExamPipeline} for studies whose series complete. Listens to
 * {@link SeriesTracker#SERIES_COMPLETE}, remembers each study's complete series, and processes
 * the study on one worker thread ({@value #WORKER_POOL}), one exam at a time, never on the event
 * loop. A study that completes another series while it is being processed runs again afterwards
 * (the pipeline skips it when its input did not change). At start it looks at every study
 * already in the spool (series written before a restart are complete by then), which is how an
 * exam interrupted by a crash is finished. Publishes each outcome on {@value #EXAM_DONE}.
 */
public final class PipelineService {
    public static final String WORKER_POOL = "mre-pipeline";
    public static final String EXAM_DONE = "mre.exam.done";
    private static final Logger log = LoggerFactory.getLogger(PipelineService.class);

    private final Vertx vertx;
    private final Context context;
    private final ExamPipeline pipeline;
    private final Path spoolRoot;
    private final WorkerExecutor worker;
    /** study -> series -> files; touched on {@link #context} only. */
    private final Map<String, Map<String, List<Path>>> complete = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private final Set<String> again = new HashSet<>();
    private MessageConsumer<JsonObject> consumer;

    public PipelineService(Vertx vertx, ExamPipeline pipeline, Path spoolRoot) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.pipeline = pipeline;
        this.spoolRoot = spoolRoot.toAbsolutePath();
        this.worker = vertx.createSharedWorkerExecutor(WORKER_POOL, 1);
    }

    /** Subscribes, then schedules every study already in the spool; completes with their number. */
    public Future<Integer> start() {
        Future<Void> subscribed = Future.future(p -> context.runOnContext(v -> {
            consumer = vertx.eventBus().consumer(SeriesTracker.SERIES_COMPLETE, m -> onSeries(m.body()));
            consumer.completion().onComplete(p);
        }));
        return subscribed.compose(v -> worker.executeBlocking(this::scanSpool)).map(found -> {
            context.runOnContext(v -> found.forEach((study, series) -> {
                complete.computeIfAbsent(study, k -> new LinkedHashMap<>()).putAll(series);
                schedule(study);
            }));
            if (!found.isEmpty()) {
                log.info("pipeline: {} stud(ies) in the spool at start, checking each", found.size());
            }
            return found.size();
        });
    }

    public Future<Void> close() {
        Future<Void> unsub = consumer == null ? Future.succeededFuture() : consumer.unregister();
        return unsub.compose(v -> worker.close());
    }

    private void onSeries(JsonObject e) {
        String study = e.getString("studyInstanceUid");
        String series = e.getString("seriesInstanceUid");
        List<Path> files = new ArrayList<>();
        e.getJsonArray("instances").forEach(o -> files.add(Path.of(((JsonObject) o).getString("path"))));
        // a late instance re-completes the series with only the new instances: merge, never replace
        List<Path> known = complete.computeIfAbsent(study, k -> new LinkedHashMap<>())
                .computeIfAbsent(series, k -> new ArrayList<>());
        for (Path f : files) {
            if (!known.contains(f)) {
                known.add(f);
            }
        }
        schedule(study);
    }

    private void schedule(String study) {
        if (running.contains(study)) {
            again.add(study);
            return;
        }
        running.add(study);
        List<Path> files = complete.get(study).values().stream().flatMap(List::stream).distinct().toList();
        worker.executeBlocking(() -> pipeline.process(study, spoolRoot, files)).onComplete(ar -> {
            running.remove(study);
            if (ar.succeeded()) {
                ExamPipeline.Outcome o = ar.result();
                vertx.eventBus().publish(EXAM_DONE, new JsonObject().put("studyInstanceUid", study)
                        .put("status", o.status().name()).put("reason", o.reason())
                        .put("resultDir", o.resultDir() == null ? null : o.resultDir().toString())
                        .put("summary", o.summary()));
            } else {
                log.error("pipeline: exam {} could not be processed: {}; it is tried again at the next"
                        + " series or restart", study, String.valueOf(ar.cause()), ar.cause());
                vertx.eventBus().publish(EXAM_DONE, new JsonObject().put("studyInstanceUid", study)
                        .put("status", "ERROR").put("reason", String.valueOf(ar.cause())));
            }
            if (again.remove(study)) {
                schedule(study);
            }
        });
    }

    /** study -> series -> files, from the spool layout study/series/instance.dcm. */
    private Map<String, Map<String, List<Path>>> scanSpool() throws IOException {
        Map<String, Map<String, List<Path>>> out = new LinkedHashMap<>();
        if (!Files.isDirectory(spoolRoot)) {
            return out;
        }
        for (Path study : list(spoolRoot)) {
            if (!Files.isDirectory(study) || study.getFileName().toString().startsWith(".")) {   // .journal
                continue;
            }
            for (Path series : list(study)) {
                if (!Files.isDirectory(series)) {
                    continue;
                }
                List<Path> files = list(series).stream().filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".dcm") && !n.startsWith(DurableFiles.TEMP_PREFIX);
                }).toList();
                if (!files.isEmpty()) {
                    String studyUid = studyUidOf(files.get(0), study);
                    out.computeIfAbsent(studyUid, k -> new LinkedHashMap<>()).put(series.toString(), files);
                }
            }
        }
        return out;
    }

    /** The Study Instance UID stored in a spooled file (the folder name is sanitised, the UID is not). */
    private static String studyUidOf(Path file, Path studyDir) {
        try {
            String uid = dev.mre.dicom.io.DicomReader.readFile(file).dataset()
                    .getString(dev.mre.dicom.data.Tag.StudyInstanceUID, null);
            return uid == null ? studyDir.getFileName().toString() : uid;
        } catch (IOException | RuntimeException e) {
            return studyDir.getFileName().toString();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
