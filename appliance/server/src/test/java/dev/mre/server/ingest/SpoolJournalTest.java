// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead journal alone: what {@link SpoolJournal#recover} returns after a "crash" (no retire). */
class SpoolJournalTest {
    @TempDir
    Path dir;

    private static SpoolJournal.Entry entry(int i, int size) {
        byte[] header = ("header-" + i).getBytes();
        byte[] body = new byte[size];
        new Random(i).nextBytes(body);
        return new SpoolJournal.Entry("1.2.3", i % 3 == 0 ? null : "1.2.3." + i, "1.2.3.4." + i, new byte[][] {header, body});
    }

    private static byte[] fileBytes(SpoolJournal.Entry e) {
        int n = 0;
        for (byte[] p : e.parts()) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : e.parts()) {
            b.put(p);
        }
        return b.array();
    }

    private static void assertSame(SpoolJournal.Entry expected, SpoolJournal.Entry actual) {
        assertEquals(expected.studyUid(), actual.studyUid());
        assertEquals(expected.seriesUid(), actual.seriesUid());
        assertEquals(expected.sopInstanceUid(), actual.sopInstanceUid());
        assertArrayEquals(fileBytes(expected), fileBytes(actual));
    }

    private List<Path> segmentFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".wal")).sorted().toList();
        }
    }

    @Test
    void acknowledgedRecordsComeBackInOrderWithTheirBytesAndUids() throws Exception {
        SpoolJournal j = SpoolJournal.open(dir, 1 << 20);
        List<SpoolJournal.Entry> written = appendDurably(j, 6, i -> 1000 * i);
        j.close();
        List<SpoolJournal.Entry> back = recoveredAsWritten(written);
        assertNull(back.get(2).seriesUid(), "a missing UID stays missing");
        // open() after recovery starts empty: the caller has put the records in the spool
        SpoolJournal.open(dir, 1 << 20).close();
        assertEquals(List.of(), SpoolJournal.recover(dir));
    }

    @Test
    void readySegmentsArePreparedAheadAndUsedAndAreNotKeptAcrossARestart() throws Exception {
        // 64 KiB segments, 192 KiB kept ready: three zero-filled spares before the first record
        SpoolJournal j = SpoolJournal.open(dir, 64 * 1024, 192 * 1024);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (spareFiles().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(3, spareFiles().size(), "spares prepared in the background");
        for (Path spare : spareFiles()) {
            assertEquals(64 * 1024, Files.size(spare));
        }
        assertEquals(List.of(), segmentFiles(), "no segment is numbered before the first record");
        List<SpoolJournal.Entry> written = appendDurably(j, 6, i -> 40 * 1024);   // one record per segment
        j.close();
        recoveredAsWritten(written);
        SpoolJournal.open(dir, 64 * 1024).close();
        assertEquals(List.of(), spareFiles(), "unnumbered spares are removed at the next start");
    }

    /** Appends entries 1..n (sizes from {@code size}), each durable before the next. */
    private static List<SpoolJournal.Entry> appendDurably(SpoolJournal j, int n, java.util.function.IntUnaryOperator size)
            throws Exception {
        List<SpoolJournal.Entry> written = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            SpoolJournal.Entry e = entry(i, size.applyAsInt(i));
            j.awaitDurable(j.append(e));
            written.add(e);
        }
        return written;
    }

    /** Recovers the journal and checks it holds exactly {@code written}, in order. */
    private List<SpoolJournal.Entry> recoveredAsWritten(List<SpoolJournal.Entry> written) throws Exception {
        List<SpoolJournal.Entry> back = SpoolJournal.recover(dir);
        assertEquals(written.size(), back.size());
        for (int i = 0; i < written.size(); i++) {
            assertSame(written.get(i), back.get(i));
        }
        return back;
    }

    private List<Path> spareFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains("spare-")).sorted().toList();
        }
    }

    @Test
    void aTornRecordEndsTheScanAndTheRecordsBeforeItAreKept() throws Exception {
        SpoolJournal j = SpoolJournal.open(dir, 1 << 20);
        List<SpoolJournal.Entry> written = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            SpoolJournal.Entry e = entry(i, 5000);
            j.awaitDurable(j.append(e));
            written.add(e);
        }
        j.close();
        Path seg = segmentFiles().get(0);
        // the third record starts after the first two; damage a byte inside its body
        long third = 0;
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            for (int r = 0; r < 2; r++) {
                ByteBuffer h = ByteBuffer.allocate(SpoolJournal.HEADER).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                ch.read(h, third);
                third += SpoolJournal.HEADER + h.getInt(12);
            }
            ch.write(ByteBuffer.wrap(new byte[] {0x55}), third + SpoolJournal.HEADER + 100);
        }
        List<SpoolJournal.Entry> back = SpoolJournal.recover(dir);
        assertEquals(2, back.size());
        assertSame(written.get(0), back.get(0));
        assertSame(written.get(1), back.get(1));
    }

    @Test
    void retiredSegmentsAreReusedAndTheirOldRecordsAreNeverReplayed() throws Exception {
        // 64 KiB segments, 20 KiB objects: three records per segment
        SpoolJournal j = SpoolJournal.open(dir, 64 * 1024);
        for (int i = 1; i <= 9; i++) {
            SpoolJournal.Ticket t = j.append(entry(i, 20_000));
            j.awaitDurable(t);
            j.retire(t);                        // written to the spool at once
        }
        List<SpoolJournal.Entry> open = new ArrayList<>();
        for (int i = 10; i <= 15; i++) {
            SpoolJournal.Entry e = entry(i, 20_000);
            j.awaitDurable(j.append(e));        // never retired: the process "crashes"
            open.add(e);
        }
        j.close();
        assertTrue(segmentFiles().size() <= 4, "retired segments were kept: " + segmentFiles());
        List<SpoolJournal.Entry> back = SpoolJournal.recover(dir);
        assertEquals(open.size(), back.size(), "old records of a reused segment must not come back");
        for (int i = 0; i < open.size(); i++) {
            assertSame(open.get(i), back.get(i));
        }
    }

    @Test
    void concurrentWritersShareFlushesAndEveryAcknowledgedRecordIsKept() throws Exception {
        SpoolJournal j = SpoolJournal.open(dir, 4 << 20);
        int threads = 8;
        int each = 40;
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int base = t * 1000;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    SpoolJournal.Entry e = entry(base + i, 30_000);
                    j.awaitDurable(j.append(e));
                    acknowledged.add(e.sopInstanceUid());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        int records = threads * each;
        assertTrue(j.forces() < records, "no flush was shared: " + j.forces() + " for " + records + " records");
        j.close();
        List<String> back = SpoolJournal.recover(dir).stream().map(SpoolJournal.Entry::sopInstanceUid).toList();
        assertEquals(records, back.size());
        assertEquals(acknowledged.stream().sorted().toList(), back.stream().sorted().toList());
    }

    @Test
    void anObjectLargerThanASegmentDoesNotFitAndIsRefused() throws Exception {
        SpoolJournal j = SpoolJournal.open(dir, 64 * 1024);
        SpoolJournal.Entry big = entry(1, 70_000);
        assertFalse(j.fits(big));
        assertTrue(j.fits(entry(2, 60_000)));
        assertThrows(IllegalArgumentException.class, () -> j.append(big));
        j.close();
    }
}
