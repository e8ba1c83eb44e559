// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import dev.mre.server.config.AppConfig.Destination;
import dev.mre.server.ingest.DurableFiles;
import dev.mre.server.ingest.SafeNames;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox on disk; every method is blocking (worker threads only) and durable when it returns.
 * <pre>
 * outbox/objects/&lt;id&gt;.dcm     the Part 10 file to send (a copy, fsynced)
 * outbox/pending/&lt;id&gt;.json    a job waiting for its next attempt
 * outbox/done/&lt;id&gt;.json       acknowledged by the destination; its object is deleted
 * outbox/failed/&lt;id&gt;.json     given up after the configured attempts, with &lt;id&gt;.reason.txt
 *                           and &lt;id&gt;.dcm kept for an operator
 * outbox/keys/&lt;key&gt;          one empty marker per (SOP Instance UID, destination) ever queued:
 *                           {@link #enqueueOnce} queues an instance for a destination once only
 * </pre>
 * Ids start with the UTC enqueue time, so a directory listing is in enqueue order.
 */
public final class OutboxStore {
    private static final Logger log = LoggerFactory.getLogger(OutboxStore.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
            .withZone(ZoneOffset.UTC);
    private final Path objects;
    private final Path pending;
    private final Path done;
    private final Path failed;
    private final Path keys;

    public OutboxStore(Path dir) {
        Path root = dir.toAbsolutePath();
        this.objects = root.resolve("objects");
        this.pending = root.resolve("pending");
        this.done = root.resolve("done");
        this.failed = root.resolve("failed");
        this.keys = root.resolve("keys");
    }

    /**
     * Creates the folders, deletes temp files and objects without a job (a crash between the two
     * writes of {@link #enqueue}, or between {@link #markDone}'s move and delete), and returns the
     * pending jobs in enqueue order.
     */
    public List<OutboxJob> recover() throws IOException {
        for (Path d : List.of(objects, pending, done, failed, keys)) {
            DurableFiles.createDirectories(d);
            DurableFiles.deleteTempFiles(d);
        }
        List<OutboxJob> jobs = new ArrayList<>();
        for (Path f : list(pending, ".json")) {
            try {
                jobs.add(OutboxJob.fromJson(new JsonObject(Files.readString(f, StandardCharsets.UTF_8))));
            } catch (DecodeException | IllegalArgumentException | NullPointerException e) {
                Path bad = failed.resolve(f.getFileName());
                log.warn("outbox job {} is unreadable ({}); moved to {}", f, e.getMessage(), bad);
                DurableFiles.move(f, bad);
            }
        }
        boolean keyAdded = false;
        for (OutboxJob job : jobs) {                      // a crash between a job and its key marker
            Path k = keyOf(job.sopInstanceUid(), job.destination());
            if (!Files.exists(k)) {
                Files.write(k, new byte[0]);
                keyAdded = true;
            }
        }
        if (keyAdded) {
            DurableFiles.syncDirectory(keys);
        }
        for (Path o : list(objects, ".dcm")) {
            String id = o.getFileName().toString().replace(".dcm", "");
            if (!Files.exists(pending.resolve(id + ".json"))) {
                Files.delete(o);
            }
        }
        DurableFiles.syncDirectory(objects);
        return jobs;
    }

    /** Copies {@code file} into the outbox and writes its job; both are on disk when this returns. */
    public OutboxJob enqueue(Path file, String sopInstanceUid, Destination destination) throws IOException {
        Instant now = Instant.now();
        String id = ID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        DurableFiles.write(objectOf(id), out -> Files.copy(file, out));
        OutboxJob job = new OutboxJob(id, destination, sopInstanceUid, 0, now, null, now);
        writeJob(job);
        return job;
    }

    /**
     * As {@link #enqueue}, unless this SOP instance was already queued for this destination (by
     * anyone, at any time: pending, done or failed); then nothing is written and the result is
     * {@code null}. Result objects have deterministic UIDs, so an exam processed again after a
     * crash does not send its results twice.
     */
    public OutboxJob enqueueOnce(Path file, String sopInstanceUid, Destination destination) throws IOException {
        Path k = keyOf(sopInstanceUid, destination);
        if (Files.exists(k)) {
            return null;
        }
        OutboxJob job = enqueue(file, sopInstanceUid, destination);
        Files.write(k, new byte[0]);
        DurableFiles.syncDirectory(keys);
        return job;
    }

    private Path keyOf(String sopInstanceUid, Destination destination) {
        return keys.resolve(SafeNames.digest(sopInstanceUid + "|" + destination.address() + "|" + destination.tls()));
    }

    public Path objectOf(String id) {
        return objects.resolve(id + ".dcm");
    }

    /** Persists a failed attempt (attempt count, reason, next attempt time). */
    public void writeJob(OutboxJob job) throws IOException {
        DurableFiles.write(pending.resolve(job.id() + ".json"), job.toJson().encodePrettily().getBytes(StandardCharsets.UTF_8));
    }

    /** The destination acknowledged: move the job to done/ (durably), then delete the object. */
    public void markDone(OutboxJob job) throws IOException {
        DurableFiles.move(pending.resolve(job.id() + ".json"), done.resolve(job.id() + ".json"));
        Files.deleteIfExists(objectOf(job.id()));
        DurableFiles.syncDirectory(objects);
    }

    /** Gives up: job, object and a reason file go to failed/. */
    public void markFailed(OutboxJob job, String reason) throws IOException {
        DurableFiles.write(failed.resolve(job.id() + ".reason.txt"), (reason + "\n").getBytes(StandardCharsets.UTF_8));
        if (Files.exists(objectOf(job.id()))) {
            DurableFiles.move(objectOf(job.id()), failed.resolve(job.id() + ".dcm"));
        }
        DurableFiles.move(pending.resolve(job.id() + ".json"), failed.resolve(job.id() + ".json"));
    }

    /**
     * Deletes the records of deliveries (done/ jobs) and the queued-once markers (keys/) last
     * changed before {@code before}; failed/ is never pruned, it waits for the operator. Returns the
     * number of files deleted. Run at start and periodically: without it done/ grows by one file
     * per result object for ever.
     */
    public int pruneDone(Instant before) throws IOException {
        int n = 0;
        for (Path folder : List.of(done, keys)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (java.util.stream.Stream<Path> s = Files.list(folder)) {
                for (Path f : s.toList()) {
                    if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                        Files.deleteIfExists(f);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    public Path doneDir() {
        return done;
    }

    public Path failedDir() {
        return failed;
    }

    public Path pendingDir() {
        return pending;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
