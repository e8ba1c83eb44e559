// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.server.process.ExamException;
import dev.mre.server.process.ExamReader;
import dev.mre.server.process.ExamReading;
import dev.mre.server.process.RecognitionRules;
import dev.mre.server.process.SeriesReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One study's way from spooled images to queued results, blocking (the pipeline's worker thread):
 * assemble the exam from the files of its complete series (every series decision logged with its
 * reason), skip it when this very input was processed before, analyse it, make the result objects
 * durable in the results folder, hand them to the {@link ResultSink} (the outbox), and only then
 * mark the input processed. A crash anywhere before the mark repeats the work after a restart;
 * result UIDs are deterministic and the outbox queues an instance once per destination, so the
 * destinations still get each result once.
 */
public final class ExamPipeline {
    private static final Logger log = LoggerFactory.getLogger(ExamPipeline.class);

    /** How one attempt ended. */
    public enum Status { DONE, ALREADY_PROCESSED, WAITING, FAILED }

    /**
     * @param resultDir folder of the result objects (DONE), else {@code null}
     * @param summary   the analysis summary (DONE, ALREADY_PROCESSED), else {@code null}
     * @param reason    why it is waiting or failed, in words
     */
    public record Outcome(String studyUid, Status status, String fingerprint, Path resultDir,
                          List<ExamAnalysis.ResultObject> objects, JsonObject summary, String reason) {
    }

    /** Where result objects go after the results folder: the outbox, one job per destination. */
    public interface ResultSink {
        /** Blocking; returns once every object is durably queued for every destination. */
        void deliver(String studyUid, List<ExamAnalysis.ResultObject> objects) throws Exception;
    }

    private final RecognitionRules rules;
    private final ExamAnalysis analysis;
    private final ProcessedExams processed;
    private final Path resultsRoot;
    private final ResultSink sink;

    public ExamPipeline(RecognitionRules rules, ExamAnalysis analysis, ProcessedExams processed, Path resultsRoot,
                        ResultSink sink) {
        this.rules = rules;
        this.analysis = analysis;
        this.processed = processed;
        this.resultsRoot = resultsRoot.toAbsolutePath();
        this.sink = sink;
    }

    /**
     * @param root  folder the files lie under (names in messages are relative to it)
     * @param files the files of the study's complete series
     */
    public Outcome process(String studyUid, Path root, List<Path> files) throws Exception {
        long tr = System.nanoTime();
        ExamReading reading;
        try {
            reading = new ExamReader(rules).read(root, files);
        } catch (ExamException e) {
            return unusable(studyUid, files, e);
        }
        logSeries(studyUid, reading.series());
        reading.warnings().forEach(w -> log.warn("exam {}: {}", studyUid, w));
        String fingerprint = fingerprint(reading.inputFiles());
        if (processed.processed(studyUid, fingerprint)) {
            JsonObject marker = processed.get(studyUid);
            log.info("exam {}: input {} was processed before ({}); not again", studyUid, shortFp(fingerprint),
                    marker.getString("outcome"));
            return new Outcome(studyUid, Status.ALREADY_PROCESSED, fingerprint, null, List.of(),
                    marker.getJsonObject("summary"), "processed before");
        }
        long t0 = System.nanoTime();
        Path out = resultsRoot.resolve(dev.mre.server.ingest.SafeNames.uid(studyUid)).resolve(shortFp(fingerprint));
        dev.mre.server.ingest.DurableFiles.deleteTree(out);                                   // leftovers of an attempt a crash interrupted
        Files.createDirectories(out);
        ExamAnalysis.Result result;
        try {
            result = analysis.analyse(reading, out);
        } catch (ExamException e) {
            processed.markFailed(studyUid, fingerprint, e.getMessage());
            log.warn("exam {}: cannot be processed: {}", studyUid, e.getMessage());
            return new Outcome(studyUid, Status.FAILED, fingerprint, null, List.of(), null, e.getMessage());
        }
        for (ExamAnalysis.ResultObject o : result.objects()) {
            dev.mre.server.ingest.DurableFiles.syncFile(o.file());
        }
        dev.mre.server.ingest.DurableFiles.syncDirectory(out);
        long t1 = System.nanoTime();
        sink.deliver(studyUid, result.objects());
        long t2 = System.nanoTime();
        JsonObject summary = result.summary().copy()
                .put("results_folder", out.toString())
                .put("result_objects", new JsonArray(result.objects().stream().map(o -> new JsonObject()
                        .put("kind", o.kind()).put("sop_instance_uid", o.sopInstanceUid())
                        .put("file", o.file().getFileName().toString())).toList()))
                .put("timing_ms", new JsonObject().put("read", (t0 - tr) / 1e6).put("analysis", (t1 - t0) / 1e6)
                        .put("queue", (t2 - t1) / 1e6));
        processed.markDone(studyUid, fingerprint, summary);
        log.info("exam {}: done, {} result objects in {} (analysis {} ms, queueing {} ms)", studyUid,
                result.objects().size(), out, Math.round((t1 - t0) / 1e6), Math.round((t2 - t1) / 1e6));
        return new Outcome(studyUid, Status.DONE, fingerprint, out, result.objects(), summary, "processed");
    }

    /**
     * No exam could be assembled. Without any MRE phase image, or with phase images whose
     * magnitude series has not completed yet (Siemens-like exams arrive as separate series), the
     * study is simply not (yet) a whole MRE exam: wait for more series. Anything else (counts, geometry) is an error of this input: it is
     * logged with its reason and recorded, and tried again only when the input changes.
     */
    private Outcome unusable(String studyUid, List<Path> files, ExamException e) throws IOException {
        logSeries(studyUid, e.series());
        if (e.getMessage().startsWith("no MRE phase images") || e.getMessage().startsWith("no magnitude images")) {
            // no fingerprint: hashing every image of a study that is not (yet) MRE is work for nothing
            log.info("exam {}: not an MRE exam yet: {}", studyUid, e.getMessage());
            return new Outcome(studyUid, Status.WAITING, null, null, List.of(), null, e.getMessage());
        }
        String fingerprint = fingerprint(files);
        if (!processed.processed(studyUid, fingerprint)) {
            processed.markFailed(studyUid, fingerprint, e.getMessage());
            log.warn("exam {}: cannot be processed: {} (tried again when its images change)", studyUid, e.getMessage());
        }
        return new Outcome(studyUid, Status.FAILED, fingerprint, null, List.of(), null, e.getMessage());
    }

    private static void logSeries(String studyUid, List<SeriesReport> series) {
        for (SeriesReport s : series) {
            log.info("exam {}: series {} ({} files) {}: {}", studyUid, s.series(), s.files(),
                    s.used() ? "taken" : "ignored", s.reason());
        }
    }

    /** SHA-256 over the files' names and contents, in path order: any new or changed image changes it. */
    static String fingerprint(List<Path> files) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.naturalOrder());
        byte[] buf = new byte[1 << 16];
        for (Path f : sorted) {
            md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                while (in.read(buf) >= 0) {
                    // digested as read
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String shortFp(String fp) {
        return fp.substring(0, 16);
    }

}
