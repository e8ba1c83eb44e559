// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import dev.mre.server.config.AppConfig.Destination;
import dev.mre.server.config.RetryPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's own sends: durable enqueue, delivery with retries, resume after a restart.
 *
 * <p>Guarantees. {@link #enqueue} completes only after the object copy and its job file are
 * fsynced. A job is attempted until the destination answers a success or warning status; then the
 * job is moved to {@code done/} durably before anything else happens, and is never sent again.
 * Failures (connection refused, association rejected or aborted, timeout, failure status) are
 * retried with exponential back-off ({@link RetryPolicy}); after {@code maxAttempts} the job moves
 * to {@code failed/} with a reason file.
 *
 * <p>The remaining window: if the process dies after the destination acknowledged but before the
 * move to {@code done/} reached the disk (a few milliseconds), the job is still pending after the
 * restart and is sent once more. DICOM storage is idempotent by SOP Instance UID, so the
 * destination sees a duplicate of the same instance, never a different one. No protocol can close
 * this window without the peer's cooperation.
 *
 * <p>Ordering: jobs for one destination are attempted one at a time (each on its own association);
 * different destinations proceed in parallel.
 *
 * <p>Threading: all bookkeeping runs on the Vert.x context current when the outbox was created;
 * file work runs on the named worker pool {@value #WORKER_POOL}.
 */
public final class Outbox {
    public static final String WORKER_POOL = "mre-outbox-io";
    /** Records of delivered jobs are kept this long by default. */
    public static final Duration DEFAULT_KEEP_DONE = Duration.ofDays(30);
    private static final long PRUNE_EVERY_MS = Duration.ofHours(1).toMillis();
    private final Duration keepDone;
    /** The most objects sent over one association. */
    static final int MAX_BATCH = 64;
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Vertx vertx;
    private final Context context;
    private final OutboxStore store;
    private final DicomSender sender;
    private final RetryPolicy retry;
    private final WorkerExecutor io;
    private final Set<Long> timers = new HashSet<>();
    private final Map<Destination, Queue<OutboxJob>> due = new HashMap<>();
    private final Set<Destination> sending = new HashSet<>();
    /** Batches being sent, until their results are on disk ({@link #context} only). */
    private final List<Future<Void>> inFlight = new ArrayList<>();
    private boolean closed;

    public Outbox(Vertx vertx, Path dir, DicomSender sender, RetryPolicy retry) {
        this(vertx, dir, sender, retry, DEFAULT_KEEP_DONE);
    }

    /** @param keepDone how long records of delivered jobs are kept (pruned at start and hourly) */
    public Outbox(Vertx vertx, Path dir, DicomSender sender, RetryPolicy retry, Duration keepDone) {
        this.keepDone = keepDone;
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.store = new OutboxStore(dir);
        this.sender = sender;
        this.retry = retry;
        this.io = vertx.createSharedWorkerExecutor(WORKER_POOL, 2);
    }

    /** Recovers the directory and schedules every pending job; completes with their number. */
    public Future<Integer> start() {
        return io.executeBlocking(store::recover).map(jobs -> {
            scheduleAll(jobs);
            prune();
            context.runOnContext(v -> {
                if (!closed) {
                    timers.add(vertx.setPeriodic(PRUNE_EVERY_MS, t -> prune()));
                }
            });
            if (!jobs.isEmpty()) {
                log.info("outbox: resuming {} pending job(s)", jobs.size());
            }
            return jobs.size();
        });
    }

    /** Durably queues {@code part10File} for {@code destination}; completes once it is on disk. */
    public Future<OutboxJob> enqueue(Path part10File, String sopInstanceUid, Destination destination) {
        return io.executeBlocking(() -> store.enqueue(part10File, sopInstanceUid, destination)).onSuccess(job -> {
            log.info("outbox: queued {} for {} as job {}", sopInstanceUid, destination, job.id());
            schedule(job);
        });
    }

    /**
     * For a caller on its own worker thread (the pipeline): queues durably on the calling thread,
     * blocking, and schedules the job; {@code null} when it was queued before. Waiting on
     * {@link #enqueueOnce}'s future from a worker thread would deadlock: the future completes on
     * the caller's context, whose thread is the one waiting.
     */
    public OutboxJob enqueueOnceBlocking(Path part10File, String sopInstanceUid, Destination destination)
            throws java.io.IOException {
        List<OutboxJob> jobs = enqueueAllOnceBlocking(List.of(new Item(part10File, sopInstanceUid)), destination);
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    /** One object to queue. */
    public record Item(Path part10File, String sopInstanceUid) {
    }

    /**
     * As {@link #enqueueOnceBlocking} for several objects: all are queued durably first, then
     * scheduled together, so they leave in one association. Returns the jobs queued now (objects
     * queued before are skipped).
     */
    public List<OutboxJob> enqueueAllOnceBlocking(List<Item> items, Destination destination) throws java.io.IOException {
        List<OutboxJob> jobs = new ArrayList<>();
        for (Item item : items) {
            OutboxJob job = store.enqueueOnce(item.part10File(), item.sopInstanceUid(), destination);
            if (job == null) {
                log.info("outbox: {} was already queued for {}; not again", item.sopInstanceUid(), destination);
            } else {
                log.info("outbox: queued {} for {} as job {}", item.sopInstanceUid(), destination, job.id());
                jobs.add(job);
            }
        }
        scheduleAll(jobs);
        return jobs;
    }

    private void prune() {
        io.executeBlocking(() -> store.pruneDone(Instant.now().minus(keepDone))).onComplete(ar -> {
            if (ar.failed()) {
                log.warn("outbox: pruning delivered records failed: {}", ar.cause().toString());
            } else if (ar.result() > 0) {
                log.info("outbox: pruned {} record(s) of deliveries older than {} days", ar.result(), keepDone.toDays());
            }
        });
    }

    /**
     * Stops scheduling; jobs stay on disk for the next start. A batch already being sent finishes
     * first and its results are recorded, so an object the peer acknowledged is not sent again
     * after a restart.
     */
    public Future<Void> close() {
        Promise<Void> stopped = Promise.promise();
        context.runOnContext(v -> {
            closed = true;
            timers.forEach(vertx::cancelTimer);
            timers.clear();
            Future.join(new ArrayList<>(inFlight)).onComplete(ar -> stopped.complete());
        });
        return stopped.future().compose(v -> io.close());
    }

    public OutboxStore store() {
        return store;
    }

    /** Jobs due now go to their destination's queue together (one batch); the others get timers. */
    private void scheduleAll(List<OutboxJob> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            Set<Destination> touched = new HashSet<>();
            for (OutboxJob job : jobs) {
                if (job.nextAttemptAt().isAfter(Instant.now())) {
                    schedule(job);
                } else {
                    due.computeIfAbsent(job.destination(), d -> new ArrayDeque<>()).add(job);
                    touched.add(job.destination());
                }
            }
            touched.forEach(this::drain);
        });
    }

    /** Arms a timer for the job's next attempt; bookkeeping always runs on {@link #context}. */
    private void schedule(OutboxJob job) {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            long delay = Math.max(1, Duration.between(Instant.now(), job.nextAttemptAt()).toMillis());
            long[] id = new long[1];
            id[0] = vertx.setTimer(delay, t -> {
                timers.remove(id[0]);
                due.computeIfAbsent(job.destination(), d -> new ArrayDeque<>()).add(job);
                drain(job.destination());
            });
            timers.add(id[0]);
        });
    }

    /**
     * Sends the due jobs of a destination together, up to {@value #MAX_BATCH} over one association,
     * and one batch at a time per destination, so a burst of results (a whole series) neither
     * opens dozens of associations to a console that accepts only a few nor pays an association
     * per object.
     */
    private void drain(Destination destination) {
        Queue<OutboxJob> queue = due.get(destination);
        if (closed || sending.contains(destination) || queue == null || queue.isEmpty()) {
            return;
        }
        List<OutboxJob> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(queue.poll());
        }
        sending.add(destination);
        Future<Void> attempt = attempt(destination, batch);
        inFlight.add(attempt);
        attempt.onComplete(ar -> context.runOnContext(v -> {
            inFlight.remove(attempt);
            sending.remove(destination);
            drain(destination);
        }));
    }

    private Future<Void> attempt(Destination destination, List<OutboxJob> batch) {
        List<Path> files = batch.stream().map(j -> store.objectOf(j.id())).toList();
        OutboxJob[] pending = batch.toArray(OutboxJob[]::new);
        List<Future<Void>> updates = new ArrayList<>();
        java.util.function.ObjIntConsumer<DicomSender.SendResult> record = (result, i) -> {
            if (i < 0 || i >= pending.length || pending[i] == null) {
                return;
            }
            OutboxJob job = pending[i];
            pending[i] = null;
            updates.add((result.delivered() ? delivered(job, result) : failedAttempt(job, result))
                    .onFailure(e -> log.error("outbox: job {} could not be updated on disk: {}; it is"
                            + " retried after a restart. Check the outbox disk.", job.id(), e.toString())));
        };
        Future<List<DicomSender.SendResult>> sent;
        try {
            sent = sender.sendAll(destination, files, record);
        } catch (RuntimeException e) {
            sent = Future.failedFuture(e);
        }
        return sent.transform(ar -> {
            // Jobs the sender gave no result for (it failed as a whole) count as failed attempts.
            String reason = ar.failed() ? String.valueOf(ar.cause().getMessage()) : "no result from the sender";
            for (int i = 0; i < pending.length; i++) {
                record.accept(DicomSender.SendResult.failed(null, reason), i);
            }
            return Future.join(updates).<Void>mapEmpty();
        });
    }

    private Future<Void> delivered(OutboxJob job, DicomSender.SendResult result) {
        return io.<Void>executeBlocking(() -> {
            store.markDone(job);
            return null;
        }).onSuccess(v -> log.info("outbox: job {} delivered {} to {} ({}, attempt {})", job.id(),
                job.sopInstanceUid(), job.destination(), result.reason(), job.attempts() + 1));
    }

    private Future<Void> failedAttempt(OutboxJob job, DicomSender.SendResult result) {
        int failures = job.attempts() + 1;
        if (retry.exhausted(failures)) {
            String reason = "gave up after " + failures + " attempts; last: " + result.reason();
            return io.<Void>executeBlocking(() -> {
                store.markFailed(job, reason);
                return null;
            }).onSuccess(v -> log.warn("outbox: job {} to {} FAILED for good: {}; object and reason are in {}",
                    job.id(), job.destination(), reason, store.failedDir()));
        }
        Instant next = Instant.now().plus(retry.delayAfter(failures));
        OutboxJob updated = job.failed(result.reason(), next);
        return io.<Void>executeBlocking(() -> {
            store.writeJob(updated);
            return null;
        }).onSuccess(v -> {
            log.warn("outbox: job {} to {} failed (attempt {}): {}; next attempt at {}", job.id(),
                    job.destination(), failures, result.reason(), next);
            schedule(updated);
        });
    }
}
