// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.config.AppConfig;
import dev.mre.server.config.ConfigLoader;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up DICOM warm-up: real objects through a real loopback association into a scratch
 * spool, in both spool modes; nothing is left behind, and nothing reaches the real spool.
 */
class ReceiveWarmUpTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private AppConfig config(int journalMegabytes) throws Exception {
        return ConfigLoader.load(null, new JsonObject()
                .put("dicom", new JsonObject().put("port", 0))
                .put("spool", new JsonObject().put("dir", dir.resolve("spool").toString())
                        .put("reserveMegabytes", 0).put("journalSegmentMegabytes", journalMegabytes)));
    }

    private static long filesUnder(Path p) throws Exception {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void everyObjectIsStoredDurablyOverSeveralAssociationsAndTheScratchIsRemoved() throws Exception {
        assertEquals(25, runAndRemoveScratch(0, 25, 10), "objects the scratch spool stored");
        assertEquals(0, filesUnder(dir.resolve("spool")), "the real spool is untouched");
    }

    @Test
    void withTheJournalEveryObjectReachesItsScratchFileBeforeTheScratchIsRemoved() throws Exception {
        assertEquals(30, runAndRemoveScratch(1, 30, 15), "objects the journaled scratch spool wrote to their files");
    }

    /**
     * Runs a warm-up of {@code objects} in associations of {@code perAssociation}, with journal
     * segments of {@code journalMb} MiB (0: direct), checks it left no scratch folder, and returns
     * the number of objects it stored.
     */
    private int runAndRemoveScratch(int journalMb, int objects, int perAssociation) throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        ReceiveWarmUp w = new ReceiveWarmUp(vertx, config(journalMb), objects, scratch, perAssociation);
        ReceiveWarmUp.Result r = w.run().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try (Stream<Path> s = Files.list(scratch)) {
            assertEquals(0, s.count(), "scratch folders left");
        }
        return r.objects();
    }

    @Test
    void aStartRemovesTheScratchAKilledRunOfTheSameSpoolLeftButNotOthers() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        ReceiveWarmUp w = new ReceiveWarmUp(vertx, config(0), 1, scratch, 10);
        Path leftover = Files.createDirectories(scratch.resolve(w.scratchPrefix() + "123").resolve("a").resolve("b"));
        Files.write(leftover.resolve("x.dcm"), new byte[100]);
        Path other = Files.createDirectories(scratch.resolve(".mre-dicom-warm-up-0-456"));
        w.run().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertFalse(Files.exists(scratch.resolve(w.scratchPrefix() + "123")), "leftover of this spool removed");
        assertTrue(Files.exists(other), "another appliance's scratch kept");
    }

    @Test
    void stopEndsALongWarmUpSoonAndCleansUp() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        ReceiveWarmUp w = new ReceiveWarmUp(vertx, config(0), 1_000_000, scratch, 1_000_000);
        var f = w.run().toCompletionStage().toCompletableFuture();
        Thread.sleep(1500);
        w.stop();
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> f.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("stopped"), e.getCause().toString());
        try (Stream<Path> s = Files.list(scratch)) {
            assertEquals(0, s.count(), "scratch folders left after stop");
        }
    }

    @Test
    void eachObjectFromTheTemplateCarriesItsOwnSopInstanceUid() throws Exception {
        ReceiveWarmUp.Template t = new ReceiveWarmUp.Template("2.25.9.1.3", new byte[512]);
        for (long n : new long[] {ReceiveWarmUp.Template.FIRST_NUMBER, ReceiveWarmUp.Template.FIRST_NUMBER + 7,
                ReceiveWarmUp.Template.FIRST_NUMBER + Integer.MAX_VALUE}) {
            byte[] ds = t.dataset(n);
            dev.mre.dicom.data.Attributes a = dev.mre.dicom.io.DicomReader.readDataset(ds, 0, ds.length,
                    dev.mre.dicom.data.UID.ExplicitVRLittleEndian);
            assertEquals("2.25.9.1.3." + n, a.getString(dev.mre.dicom.data.Tag.SOPInstanceUID));
            assertEquals("2.25.9.1.3", a.getString(dev.mre.dicom.data.Tag.SeriesInstanceUID));
            assertEquals(512, a.getBytes(dev.mre.dicom.data.Tag.PixelData).length);
        }
    }

    @Test
    void noObjectsMeansNoWarmUp() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        ReceiveWarmUp.Result r = new ReceiveWarmUp(vertx, config(0), 0, scratch).run()
                .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(0, r.objects());
        try (Stream<Path> s = Files.list(scratch)) {
            assertEquals(0, s.count());
        }
    }
}
