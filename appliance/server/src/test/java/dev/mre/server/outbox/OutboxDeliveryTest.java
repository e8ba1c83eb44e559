// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.io.DicomReader;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.net.ClientConfig;
import dev.mre.server.config.AeAddress;
import dev.mre.server.config.AppConfig.Destination;
import dev.mre.server.config.RetryPolicy;
import dev.mre.server.testing.MrObjects;
import dev.mre.server.testing.Storescp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against a real DCMTK storescp. */
@ExtendWith(VertxExtension.class)
class OutboxDeliveryTest {
    private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(200), Duration.ofMillis(500), 0);
    @TempDir
    Path dir;

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " did not happen within 20 s");
            Thread.sleep(50);
        }
    }

    private Outbox outbox(Vertx vertx) {
        return new Outbox(vertx, dir.resolve("outbox"),
                new DicomStoreSender(vertx, ClientConfig.defaults().withCallingAe("MRE_TEST"), null), FAST);
    }

    private static Destination destination(int port) {
        return new Destination(new AeAddress(Storescp.AE, "127.0.0.1", port), false);
    }

    @Test
    void aQueuedObjectArrivesAtStorescpExactlyOnceAndItsJobIsDone(Vertx vertx) throws Exception {
        Path file = MrObjects.write(dir.resolve("in/result.dcm"), MrObjects.dataset("1.2.3.500"));
        try (Storescp scp = Storescp.start(dir.resolve("scp"))) {
            Outbox outbox = outbox(vertx);
            await(outbox.start());
            OutboxJob job = await(outbox.enqueue(file, "1.2.3.500", destination(scp.port)));
            Path done = outbox.store().doneDir().resolve(job.id() + ".json");
            waitUntil(() -> Files.exists(done), "delivery");
            Thread.sleep(1000);
            assertEquals(1, scp.received().size());
            assertEquals("1.2.3.500", DicomReader.readFile(scp.received().get(0)).dataset().getString(Tag.SOPInstanceUID));
            await(outbox.close());

            Outbox restarted = outbox(vertx);
            assertEquals(0, await(restarted.start()));
            Thread.sleep(1000);
            assertEquals(1, scp.received().size(), "a done job must never be sent again");
            await(restarted.close());
        }
    }

    @Test
    void objectsQueuedTogetherGoOverOneAssociationAndEachJobIsDone(Vertx vertx) throws Exception {
        java.util.List<Outbox.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String uid = "1.2.3.60" + i;
            items.add(new Outbox.Item(MrObjects.write(dir.resolve("in/r" + i + ".dcm"), MrObjects.dataset(uid)), uid));
        }
        try (Storescp scp = Storescp.start(dir.resolve("scp"), "-v")) {
            Outbox outbox = outbox(vertx);
            await(outbox.start());
            java.util.List<OutboxJob> jobs = outbox.enqueueAllOnceBlocking(items, destination(scp.port));
            assertEquals(5, jobs.size());
            for (OutboxJob job : jobs) {
                Path done = outbox.store().doneDir().resolve(job.id() + ".json");
                waitUntil(() -> Files.exists(done), "delivery of job " + job.id());
            }
            assertEquals(5, scp.received().size());
            String log = Files.readString(dir.resolve("storescp-" + scp.port + ".log"));
            assertEquals(1, log.split("Association Acknowledged", -1).length - 1, "one association for the batch:\n" + log);
            assertTrue(outbox.enqueueAllOnceBlocking(items, destination(scp.port)).isEmpty(), "queued once only");
            await(outbox.close());
        }
    }

    @Test
    void whileTheDestinationIsDownTheJobIsRetriedAndDeliveredOnceItComesUp(Vertx vertx) throws Exception {
        Path file = MrObjects.write(dir.resolve("in/result.dcm"), MrObjects.dataset("1.2.3.501"));
        int port = Storescp.freePort();
        Outbox outbox = outbox(vertx);
        await(outbox.start());
        OutboxJob job = await(outbox.enqueue(file, "1.2.3.501", destination(port)));
        Path pending = outbox.store().pendingDir().resolve(job.id() + ".json");
        waitUntil(() -> {
            try {
                return Files.readString(pending).contains("\"attempts\" : 2");
            } catch (java.io.IOException e) {
                return false;
            }
        }, "two failed attempts");
        try (Storescp scp = Storescp.start(dir.resolve("scp"), port)) {
            waitUntil(() -> Files.exists(outbox.store().doneDir().resolve(job.id() + ".json")), "delivery");
            Thread.sleep(800);
            assertEquals(1, scp.received().size());
        }
        await(outbox.close());
    }

    @Test
    void anOutboxRestartedOverTheSameFolderResumesAPendingJob(Vertx vertx) throws Exception {
        Path file = MrObjects.write(dir.resolve("in/result.dcm"), MrObjects.dataset("1.2.3.502"));
        int port = Storescp.freePort();
        Outbox first = outbox(vertx);
        await(first.start());
        OutboxJob job = await(first.enqueue(file, "1.2.3.502", destination(port)));
        await(first.close());
        try (Storescp scp = Storescp.start(dir.resolve("scp"), port)) {
            Outbox restarted = outbox(vertx);
            assertEquals(1, await(restarted.start()));
            waitUntil(() -> Files.exists(restarted.store().doneDir().resolve(job.id() + ".json")), "delivery");
            Thread.sleep(800);
            assertEquals(1, scp.received().size());
            await(restarted.close());
        }
    }
}
