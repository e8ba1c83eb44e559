// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.config.AeAddress;
import dev.mre.server.config.AppConfig.Destination;
import dev.mre.server.config.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Persistence and retry logic over a scripted sender; real C-STORE delivery is in OutboxDeliveryTest. */
@ExtendWith(VertxExtension.class)
class OutboxRetryTest {
    private static final Destination PACS = new Destination(new AeAddress("PACS", "127.0.0.1", 104), false);
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 0);
    @TempDir
    Path dir;

    /** Answers attempt n (1-based) with success when {@code succeeds.test(n)}, else a failure status. */
    private static final class ScriptedSender implements DicomSender {
        final AtomicInteger attempts = new AtomicInteger();
        final List<Path> delivered = new CopyOnWriteArrayList<>();
        final IntPredicate succeeds;

        ScriptedSender(IntPredicate succeeds) {
            this.succeeds = succeeds;
        }

        @Override
        public Future<SendResult> send(Destination destination, Path file) {
            if (succeeds.test(attempts.incrementAndGet())) {
                delivered.add(file);
                return Future.succeededFuture(SendResult.delivered(0));
            }
            return Future.succeededFuture(SendResult.failed(0xA700, "status 0xA700 (out of resources)"));
        }
    }

    private Path object(byte[] content) throws Exception {
        return Files.write(dir.resolve("result.dcm"), content);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
            Thread.sleep(20);
        }
    }

    @Test
    void enqueueCompletesOnlyOnceTheJobAndItsObjectCopyAreOnDisk(Vertx vertx) throws Exception {
        Outbox outbox = new Outbox(vertx, dir.resolve("outbox"), new ScriptedSender(n -> false),
                new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1), 0));
        await(outbox.start());
        OutboxJob job = await(outbox.enqueue(object(new byte[] {1, 2, 3}), "1.2.3", PACS));
        assertTrue(Files.exists(outbox.store().pendingDir().resolve(job.id() + ".json")));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(outbox.store().objectOf(job.id())));
        await(outbox.close());
    }

    @Test
    void aFailingDestinationIsRetriedWithBackOffUntilItAcknowledges(Vertx vertx) throws Exception {
        ScriptedSender sender = new ScriptedSender(n -> n == 3);
        Outbox outbox = new Outbox(vertx, dir.resolve("outbox"), sender, FAST);
        await(outbox.start());
        OutboxJob job = await(outbox.enqueue(object(new byte[] {9}), "1.2.3", PACS));
        Path done = outbox.store().doneDir().resolve(job.id() + ".json");
        waitUntil(() -> Files.exists(done));
        Thread.sleep(300);
        assertEquals(3, sender.attempts.get());
        assertEquals(1, sender.delivered.size());
        assertFalse(Files.exists(outbox.store().objectOf(job.id())), "the delivered object copy is deleted");
        assertFalse(Files.exists(outbox.store().pendingDir().resolve(job.id() + ".json")));
        await(outbox.close());
    }

    @Test
    void afterMaxAttemptsTheJobMovesToFailedWithAReason(Vertx vertx) throws Exception {
        ScriptedSender sender = new ScriptedSender(n -> false);
        Outbox outbox = new Outbox(vertx, dir.resolve("outbox"), sender,
                new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(20), 3));
        await(outbox.start());
        OutboxJob job = await(outbox.enqueue(object(new byte[] {9}), "1.2.3", PACS));
        Path reason = outbox.store().failedDir().resolve(job.id() + ".reason.txt");
        waitUntil(() -> Files.exists(outbox.store().failedDir().resolve(job.id() + ".json")));
        assertEquals(3, sender.attempts.get());
        assertTrue(Files.readString(reason).contains("0xA700"), Files.readString(reason));
        assertTrue(Files.exists(outbox.store().failedDir().resolve(job.id() + ".dcm")));
        await(outbox.close());
    }

    @Test
    void aNewOutboxOverTheSameDirectoryResumesPendingJobsAndNeverResendsDoneOnes(Vertx vertx) throws Exception {
        Path root = dir.resolve("outbox");
        Outbox first = new Outbox(vertx, root, new ScriptedSender(n -> false),
                new RetryPolicy(Duration.ofHours(1), Duration.ofHours(1), 0));
        await(first.start());
        await(first.enqueue(object(new byte[] {1}), "1.2.3.1", PACS));
        await(first.close());

        ScriptedSender second = new ScriptedSender(n -> true);
        Outbox restarted = new Outbox(vertx, root, second, FAST);
        assertEquals(1, await(restarted.start()));
        waitUntil(() -> second.delivered.size() == 1);
        await(restarted.close());

        ScriptedSender third = new ScriptedSender(n -> true);
        Outbox again = new Outbox(vertx, root, third, FAST);
        assertEquals(0, await(again.start()));
        Thread.sleep(300);
        assertEquals(0, third.attempts.get());
        await(again.close());
    }

    @Test
    void atStartRecordsOfDeliveriesOlderThanTheRetentionArePrunedButFailedJobsStay(Vertx vertx) throws Exception {
        Path root = dir.resolve("outbox");
        Outbox first = new Outbox(vertx, root, new ScriptedSender(n -> n <= 2),
                new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(10), 1), Duration.ofDays(30));
        await(first.start());
        OutboxJob old = first.enqueueOnceBlocking(object(new byte[] {1}), "1.2.3.1", PACS);
        OutboxJob recent = first.enqueueOnceBlocking(object(new byte[] {2}), "1.2.3.2", PACS);
        OutboxJob failed = first.enqueueOnceBlocking(object(new byte[] {3}), "1.2.3.3", PACS);
        OutboxStore store = first.store();
        Path oldDone = store.doneDir().resolve(old.id() + ".json");
        Path recentDone = store.doneDir().resolve(recent.id() + ".json");
        Path failedJob = store.failedDir().resolve(failed.id() + ".json");
        waitUntil(() -> Files.exists(oldDone) && Files.exists(recentDone) && Files.exists(failedJob));
        await(first.close());
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofDays(31)));
        Files.setLastModifiedTime(oldDone, longAgo);
        Files.setLastModifiedTime(failedJob, longAgo);
        try (java.util.stream.Stream<Path> keys = Files.list(root.resolve("keys"))) {
            for (Path k : keys.toList()) {
                Files.setLastModifiedTime(k, longAgo);
            }
        }

        Outbox restarted = new Outbox(vertx, root, new ScriptedSender(n -> true), FAST, Duration.ofDays(30));
        await(restarted.start());
        waitUntil(() -> !Files.exists(oldDone));
        assertTrue(Files.exists(recentDone), "a record younger than the retention stays");
        assertTrue(Files.exists(failedJob), "failed jobs wait for the operator");
        waitUntil(() -> {
            try (java.util.stream.Stream<Path> keys = Files.list(root.resolve("keys"))) {
                return keys.findAny().isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        await(restarted.close());
    }

    @Test
    void jobsForOneDestinationAreSentOneAtATime(Vertx vertx) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        DicomSender slow = (destination, file) -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            io.vertx.core.Promise<DicomSender.SendResult> p = io.vertx.core.Promise.promise();
            vertx.setTimer(30, t -> {
                inFlight.decrementAndGet();
                delivered.incrementAndGet();
                p.complete(DicomSender.SendResult.delivered(0));
            });
            return p.future();
        };
        Outbox outbox = new Outbox(vertx, dir.resolve("outbox"), slow, FAST);
        await(outbox.start());
        for (int i = 0; i < 8; i++) {
            await(outbox.enqueue(object(new byte[] {(byte) i}), "1.2.3." + i, PACS));
        }
        waitUntil(() -> delivered.get() == 8);
        assertEquals(1, maxInFlight.get());
        await(outbox.close());
    }

    @Test
    void retryDelaysDoubleUpToTheMaximum() {
        RetryPolicy p = new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 0);
        assertEquals(List.of(5L, 10L, 20L, 40L, 60L, 60L),
                List.of(1, 2, 3, 4, 5, 50).stream().map(n -> p.delayAfter(n).toSeconds()).toList());
        assertFalse(p.exhausted(1_000_000));
    }
}
