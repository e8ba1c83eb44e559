// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
    private static final String STUDY = "1.2.3";
    private static final String SERIES = "1.2.3.4";
    @TempDir
    Path dir;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static List<Path> allFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void storedObjectIsCompleteUnderItsUidPathWithNoTempFileWhenStoreReturns() throws Exception {
        Spool spool = new Spool(dir, 0);
        spool.recover();
        byte[] content = bytes(10_000, 1);
        Spool.Stored s = spool.store(STUDY, SERIES, "1.2.3.4.5", content.length, out -> out.write(content));
        assertEquals(dir.resolve("1.2.3/1.2.3.4/1.2.3.4.5.dcm"), s.file());
        assertArrayEquals(content, Files.readAllBytes(s.file()));
        assertEquals(List.of(s.file()), allFiles(dir));
    }

    @Test
    void uidsThatCouldEscapeTheSpoolBecomeDigests() throws Exception {
        Spool spool = new Spool(dir, 0);
        Spool.Stored s = spool.store("../../etc", "1.2/../..", "passwd", 3, out -> out.write(new byte[3]));
        assertTrue(s.file().startsWith(dir), s.file().toString());
        assertEquals(SafeNames.digest("../../etc"), dir.relativize(s.file()).getName(0).toString());
        assertEquals(64, dir.relativize(s.file()).getName(1).toString().length());
        assertEquals(3, dir.relativize(s.file()).getNameCount());
    }

    @Test
    void aUidLongerThan64CharactersBecomesADigest() {
        String longUid = "1." + "2".repeat(63);
        assertEquals(SafeNames.digest(longUid), SafeNames.uid(longUid));
        assertEquals("1.2.840.10008", SafeNames.uid("1.2.840.10008"));
        assertEquals(SafeNames.digest("1..2"), SafeNames.uid("1..2"));
    }

    @Test
    void aDuplicateKeepsTheFirstCopyAndSaysWhetherTheBytesDiffer() throws Exception {
        Spool spool = new Spool(dir, 0);
        byte[] first = bytes(500, 1);
        byte[] second = bytes(500, 2);
        spool.store(STUDY, SERIES, "9", first.length, out -> out.write(first));
        Spool.Stored same = spool.store(STUDY, SERIES, "9", first.length, out -> out.write(first));
        Spool.Stored other = spool.store(STUDY, SERIES, "9", second.length, out -> out.write(second));
        assertTrue(same.duplicate() && !same.differs());
        assertTrue(other.duplicate() && other.differs());
        assertArrayEquals(first, Files.readAllBytes(other.file()));
    }

    @Test
    void tempFilesLeftByACrashAreDeletedAtStartUpAndStoredFilesKept() throws Exception {
        Spool spool = new Spool(dir, 0);
        Spool.Stored kept = spool.store(STUDY, SERIES, "1", 4, out -> out.write(new byte[4]));
        Path leftover = kept.file().getParent().resolve(DurableFiles.TEMP_PREFIX + "crash.tmp");
        Files.write(leftover, new byte[100]);
        spool.recover();
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(kept.file()));
    }

    @Test
    void belowTheReserveTheObjectIsRefusedBeforeWriting() throws Exception {
        Spool spool = new Spool(dir, Long.MAX_VALUE / 2);
        assertThrows(SpoolFullException.class, () -> spool.store(STUDY, SERIES, "1", 4, out -> out.write(new byte[4])));
        assertEquals(List.of(), allFiles(dir));
    }

    @Test
    void aFullDiskRefusesTheObjectLeavesNoPartialFileAndKeepsEarlierOnes() throws Exception {
        try (TmpfsMount tmpfs = TmpfsMount.mount(dir.resolve("small"), "256k")) {
            Spool spool = new Spool(tmpfs.dir, 0);
            spool.recover();
            List<Spool.Stored> stored = new ArrayList<>();
            SpoolFullException full = null;
            for (int i = 1; i <= 100 && full == null; i++) {
                byte[] content = bytes(40_000, i);
                try {
                    stored.add(spool.store(STUDY, SERIES, "1.2." + i, content.length, out -> out.write(content)));
                } catch (SpoolFullException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the 256k tmpfs never filled up");
            assertFalse(stored.isEmpty(), "nothing fitted on the tmpfs");
            assertEquals(stored.stream().map(Spool.Stored::file).sorted().toList(),
                    allFiles(tmpfs.dir).stream().sorted().toList(), "a partial or temp file was left");
            for (int i = 0; i < stored.size(); i++) {
                assertArrayEquals(bytes(40_000, i + 1), Files.readAllBytes(stored.get(i).file()));
            }
        }
    }

    // ---- with the write-ahead journal ------------------------------------------------------------

    private static byte[][] parts(byte[] content) {
        return new byte[][] {java.util.Arrays.copyOf(content, 10), java.util.Arrays.copyOfRange(content, 10, content.length)};
    }

    @Test
    void withTheJournalTheFileAppearsAfterTheAcknowledgementWithTheExactBytes() throws Exception {
        Spool spool = new Spool(dir, 0, 1 << 20);
        spool.recover();
        java.util.concurrent.CountDownLatch visible = new java.util.concurrent.CountDownLatch(20);
        List<byte[]> contents = storeNumbered(spool, "1.2.", 20, 30_000, visible);
        assertTrue(visible.await(30, java.util.concurrent.TimeUnit.SECONDS), "files never written");
        assertFilesHold(spool, "1.2.", contents);
        spool.close();
        assertEquals(20, allFiles(dir.resolve(STUDY)).size(), "only the 20 objects, no temp file");
        assertFalse(Files.exists(spool.journalDir()), "a clean stop leaves nothing to replay");
    }

    @Test
    void withTheJournalFilesWaitForAPauseInTheStoresAndClosingWritesThemAll() throws Exception {
        // a quiet time and a deferral limit of a minute: no pause comes, so no file is written yet
        Spool spool = new Spool(dir, 0, 1 << 20, true, 60_000_000_000L, 60_000_000_000L, Long.MAX_VALUE);
        spool.recover();
        java.util.concurrent.CountDownLatch visible = new java.util.concurrent.CountDownLatch(5);
        List<byte[]> contents = storeNumbered(spool, "1.3.", 5, 20_000, visible);
        assertFalse(visible.await(500, java.util.concurrent.TimeUnit.MILLISECONDS), "written while deferred");
        assertFalse(Files.exists(spool.pathFor(STUDY, SERIES, "1.3.1")));
        spool.close();                              // does not wait for the pause: writes them now
        assertEquals(0, visible.getCount(), "every deferred file was written by close()");
        assertFilesHold(spool, "1.3.", contents);
        assertFalse(Files.exists(spool.journalDir()), "a clean stop leaves nothing to replay");
    }

    @Test
    void deferredFilesAreWrittenAfterAPauseOrWhenTooMuchIsPendingOrTheyWaitedTooLong() throws Exception {
        long minute = 60_000_000_000L;
        // {quiet, max deferral, deferred bytes}: each spool has one way to end the wait
        long[][] ways = {{100_000_000L, minute, Long.MAX_VALUE}, {minute, minute, 50_000}, {minute, 200_000_000L, Long.MAX_VALUE}};
        for (int w = 0; w < ways.length; w++) {
            Spool spool = new Spool(dir.resolve("s" + w), 0, 1 << 20, true, ways[w][0], ways[w][1], ways[w][2]);
            spool.recover();
            java.util.concurrent.CountDownLatch visible = new java.util.concurrent.CountDownLatch(2);
            byte[] a = bytes(30_000, 1);
            byte[] b = bytes(30_000, 2);
            spool.store(STUDY, SERIES, "1.4.1", parts(a), visible::countDown);
            spool.store(STUDY, SERIES, "1.4.2", parts(b), visible::countDown);
            if (!visible.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                StringBuilder why = new StringBuilder("way " + w + ": never written; threads:");
                Thread.getAllStackTraces().forEach((t, st) -> {
                    if (t.getName().startsWith("spool")) {
                        why.append('\n').append(t.getName()).append(' ').append(t.getState());
                        for (StackTraceElement e : st) {
                            why.append("\n  at ").append(e);
                        }
                    }
                });
                throw new AssertionError(why.toString());
            }
            assertArrayEquals(a, Files.readAllBytes(spool.pathFor(STUDY, SERIES, "1.4.1")));
            assertArrayEquals(b, Files.readAllBytes(spool.pathFor(STUDY, SERIES, "1.4.2")));
            spool.close();
        }
    }

    @Test
    void aJournaledSpoolPreparesSegmentsAheadAndAScratchSpoolDoesNot() throws Exception {
        Spool real = new Spool(dir.resolve("real"), 0, 1 << 20);
        Spool scratch = Spool.withoutReadySegments(dir.resolve("scratch"), 0, 1 << 20);
        real.recover();
        scratch.recover();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (spares(real).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(spares(real).size() >= 2, "the real spool's journal prepares segments ahead");
        scratch.store(STUDY, SERIES, "1.5.1", parts(bytes(1000, 1)), () -> { });
        Thread.sleep(200);
        assertEquals(List.of(), spares(scratch), "a scratch spool prepares only the segment it uses");
        real.close();
        scratch.close();
    }

    private static List<Path> spares(Spool spool) throws Exception {
        try (Stream<Path> s = Files.list(spool.journalDir())) {
            return s.filter(p -> p.getFileName().toString().contains("spare-")).toList();
        }
    }

    @Test
    void objectsAcknowledgedFromTheJournalSurviveACrashBeforeTheirFilesAreWritten() throws Exception {
        Spool crashed = new Spool(dir, 0, 1 << 20, false);     // its writer never runs
        crashed.recover();
        byte[] a = bytes(40_000, 1);
        byte[] b = bytes(40_000, 2);
        crashed.store(STUDY, SERIES, "1.1", parts(a), () -> { });
        crashed.store(STUDY, "1.2.3.5", "1.2", parts(b), () -> { });
        assertFalse(Files.exists(crashed.pathFor(STUDY, SERIES, "1.1")));
        // a file the writer left incomplete (not possible with its recipe, but the journal's copy wins)
        Files.createDirectories(crashed.pathFor(STUDY, "1.2.3.5", "1.2").getParent());
        Files.write(crashed.pathFor(STUDY, "1.2.3.5", "1.2"), java.util.Arrays.copyOf(b, 100));
        crashed.close();        // stops its threads only: with no writer, the records stay (as after a crash)

        Spool restarted = new Spool(dir, 0, 1 << 20);
        restarted.recover();
        assertArrayEquals(a, Files.readAllBytes(restarted.pathFor(STUDY, SERIES, "1.1")));
        assertArrayEquals(b, Files.readAllBytes(restarted.pathFor(STUDY, "1.2.3.5", "1.2")));
        assertEquals(List.of(), SpoolJournal.recover(restarted.journalDir()), "replayed records are discarded");
        restarted.close();
    }

    @Test
    void aSecondCopyWhileTheFirstIsStillInTheJournalIsADuplicateAndTheFirstWins() throws Exception {
        Spool crashed = new Spool(dir, 0, 1 << 20, false);
        crashed.recover();
        byte[] first = bytes(5000, 1);
        byte[] second = bytes(5000, 2);
        crashed.store(STUDY, SERIES, "9", parts(first), () -> { });
        Spool.Stored same = crashed.store(STUDY, SERIES, "9", parts(first), () -> { });
        Spool.Stored other = crashed.store(STUDY, SERIES, "9", parts(second), () -> { });
        Spool.Stored direct = crashed.store(STUDY, SERIES, "9", second.length, out -> out.write(second));
        assertTrue(same.duplicate() && !same.differs());
        assertTrue(other.duplicate() && other.differs());
        assertTrue(direct.duplicate() && direct.differs());
        crashed.close();
        Spool restarted = new Spool(dir, 0, 1 << 20);
        restarted.recover();
        assertArrayEquals(first, Files.readAllBytes(restarted.pathFor(STUDY, SERIES, "9")));
        restarted.close();
    }

    @Test
    void anObjectLargerThanAJournalSegmentIsWrittenDirectly() throws Exception {
        Spool spool = new Spool(dir, 0, 64 * 1024, false);     // no writer: only a direct write shows up
        spool.recover();
        byte[] big = bytes(100_000, 3);
        boolean[] told = {false};
        spool.store(STUDY, SERIES, "7", parts(big), () -> told[0] = true);
        assertTrue(told[0]);
        assertArrayEquals(big, Files.readAllBytes(spool.pathFor(STUDY, SERIES, "7")));
        spool.close();
    }

    @Test
    void withTheJournalAFullDiskStillRefusesTheObjectAndLosesNothing() throws Exception {
        try (TmpfsMount tmpfs = TmpfsMount.mount(dir.resolve("small"), "256k")) {
            // a 1 MiB segment cannot be made on 256 KiB: every object goes the direct way
            Spool spool = new Spool(tmpfs.dir, 0, 1 << 20);
            spool.recover();
            List<Path> stored = new ArrayList<>();
            SpoolFullException full = null;
            for (int i = 1; i <= 100 && full == null; i++) {
                byte[] content = bytes(40_000, i);
                try {
                    stored.add(spool.store(STUDY, SERIES, "1.2." + i, parts(content), () -> { }).file());
                } catch (SpoolFullException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the 256k tmpfs never filled up");
            assertFalse(stored.isEmpty(), "nothing fitted on the tmpfs");
            for (int i = 0; i < stored.size(); i++) {
                assertArrayEquals(bytes(40_000, i + 1), Files.readAllBytes(stored.get(i)));
            }
            spool.close();
            assertEquals(stored.stream().sorted().toList(),
                    allFiles(tmpfs.dir).stream().filter(p -> !p.startsWith(spool.journalDir())).sorted().toList(),
                    "a partial or temp file was left");
        }
    }

    /** Stores objects {@code prefix}1..n (sizes base+i, first copies), each counting down {@code visible}. */
    private static List<byte[]> storeNumbered(Spool spool, String prefix, int n, int base,
                                              java.util.concurrent.CountDownLatch visible) throws Exception {
        List<byte[]> contents = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            byte[] content = bytes(base + i, i);
            contents.add(content);
            assertFalse(spool.store(STUDY, SERIES, prefix + i, parts(content), visible::countDown).duplicate());
        }
        return contents;
    }

    /** Each file {@code prefix}1..n holds exactly the bytes stored for it. */
    private static void assertFilesHold(Spool spool, String prefix, List<byte[]> contents) throws Exception {
        for (int i = 1; i <= contents.size(); i++) {
            assertArrayEquals(contents.get(i - 1), Files.readAllBytes(spool.pathFor(STUDY, SERIES, prefix + i)));
        }
    }
}
