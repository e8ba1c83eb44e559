// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store of received objects: {@code <root>/<study>/<series>/<sopInstance>.dcm}, every
 * component made safe by {@link SafeNames}. {@link #store} returns only once the object is on disk.
 * Blocking: call it on a worker thread.
 *
 * <p>Two ways to get there. Without a journal, the file and its directory entry are written by
 * {@link DurableFiles} (temp file, fsync, rename, directory fsync) before {@code store} returns.
 * With the {@link SpoolJournal write-ahead journal} ({@code spool.journalSegmentMegabytes} > 0), {@code store}
 * returns once the object's record is flushed to a journal segment (one data flush, shared by
 * concurrent associations); a background thread then writes the spool files in batches (temp
 * file, rename) once the stores pause (or at most 2 s later, or 128 MiB on), so that file
 * writes do not compete with the acknowledgements, and tells the caller's {@code whenVisible}; at a checkpoint (every
 * {@value #CHECKPOINT_OBJECTS} objects or second) it fsyncs those files and their folders and only
 * then retires their records, so until then the journal is what makes them durable. {@link #recover} at start-up writes every record
 * whose file is missing or incomplete. Objects too large for a segment, and every object after a
 * journal failure, take the direct way.
 *
 * <p>Duplicates are idempotent: a second object with the same SOP Instance UID in the same series
 * keeps the first file and reports {@link Stored#duplicate()}. If its bytes differ, the first copy
 * still wins (the sender's retry must never replace what the pipeline may already be reading) and
 * {@link Stored#differs()} is set so the caller can log a warning.
 */
public final class Spool {
    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    private final Path root;
    private final long reserveBytes;
    /** Looked up once: {@code Files.getFileStore} parses the mount table on every call. */
    private volatile FileStore fileStore;
    /** Serialises stores of the same path, so two associations sending one instance keep the first copy. */
    private final Object[] locks = new Object[64];
    private final long journalSegmentBytes;
    private volatile SpoolJournal journal;
    private final java.util.concurrent.ConcurrentHashMap<Path, Pending> pending = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.BlockingQueue<Pending> toWrite = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Bytes journaled but not yet in spool files; stores wait above {@link #MAX_PENDING_BYTES}. */
    private long pendingBytes;
    private final Object pendingBytesLock = new Object();
    private Thread writer;
    private volatile boolean closing;
    private final boolean startWriterThread;
    static final long MAX_PENDING_BYTES = 256L << 20;
    static final int BATCH = 64;
    /** How long the writer gathers objects into one batch. */
    static final long GATHER_NANOS = 20_000_000L;
    /**
     * The writer waits for a pause this long in the stores before it writes spool files: while a
     * console sends, its acknowledgements wait for the journal's flush, and file writes and their
     * checkpoint flushes would share the disk and the cores with it. The files are needed only once
     * the series is complete (seconds of quiet time), so they are written in the pause.
     */
    static final long QUIET_NANOS = 50_000_000L;
    /** ... or until this many bytes are pending, or the oldest waited this long (a stream without pauses). */
    static final long DEFER_BYTES = 128L << 20;
    static final long MAX_DEFER_NANOS = 2_000_000_000L;
    /** Whether the journal keeps segments for {@link #MAX_PENDING_BYTES} prepared ahead. */
    private boolean readySegments = true;
    private final long quietNanos;
    private final long maxDeferNanos;
    private final long deferBytes;
    /** When the last object was journaled. */
    private volatile long lastStoreNanos;
    private static final Pending STOP = new Pending(null, null, 0, null);
    /** Written spool files whose records are retired at the next checkpoint (writer thread only). */
    private final List<Unsynced> unsynced = new ArrayList<>();
    private long oldestUnsynced;
    static final int CHECKPOINT_OBJECTS = 256;
    static final long CHECKPOINT_NANOS = 1_000_000_000L;

    private record Unsynced(Path file, SpoolJournal.Ticket ticket) {
    }

    /** A journaled object whose spool file is not yet written. */
    private static final class Pending {
        final Path target;
        final SpoolJournal.Entry entry;
        final long size;
        final Runnable whenVisible;
        final java.util.concurrent.CompletableFuture<Void> durable = new java.util.concurrent.CompletableFuture<>();
        SpoolJournal.Ticket ticket;

        Pending(Path target, SpoolJournal.Entry entry, long size, Runnable whenVisible) {
            this.target = target;
            this.entry = entry;
            this.size = size;
            this.whenVisible = whenVisible;
        }
    }

    /** What happened to one object. */
    public record Stored(Path file, long bytes, boolean duplicate, boolean differs) {
    }

    /**
     * @param reserveBytes refuse an object when less than this would remain free after writing it
     */
    public Spool(Path root, long reserveBytes) {
        this(root, reserveBytes, 0);
    }

    /**
     * @param reserveBytes        refuse an object when less than this would remain free after writing it
     * @param journalSegmentBytes size of a write-ahead journal segment; 0 writes every file directly
     */
    public Spool(Path root, long reserveBytes, long journalSegmentBytes) {
        this(root, reserveBytes, journalSegmentBytes, true);
    }

    /**
     * As {@link #Spool(Path, long, long)}, with no journal segments prepared ahead: for a short-lived
     * scratch spool (the start-up warm-up), which should not zero-fill 256 MiB for a few objects.
     */
    public static Spool withoutReadySegments(Path root, long reserveBytes, long journalSegmentBytes) {
        Spool s = new Spool(root, reserveBytes, journalSegmentBytes);
        s.readySegments = false;
        return s;
    }

    /** {@code startWriter} false: journaled objects stay in the journal (tests of a crash before the write). */
    Spool(Path root, long reserveBytes, long journalSegmentBytes, boolean startWriter) {
        this(root, reserveBytes, journalSegmentBytes, startWriter, QUIET_NANOS, MAX_DEFER_NANOS, DEFER_BYTES);
    }

    /** With the writer's deferral chosen (tests). */
    Spool(Path root, long reserveBytes, long journalSegmentBytes, boolean startWriter, long quietNanos,
          long maxDeferNanos, long deferBytes) {
        this.quietNanos = quietNanos;
        this.maxDeferNanos = maxDeferNanos;
        this.deferBytes = deferBytes;
        this.startWriterThread = startWriter;
        this.root = root.toAbsolutePath();
        this.reserveBytes = reserveBytes;
        this.journalSegmentBytes = journalSegmentBytes;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public Path root() {
        return root;
    }

    /** The journal's folder; its name starts with a dot, which no spool study folder does. */
    public Path journalDir() {
        return root.resolve(".journal");
    }

    /**
     * Creates the spool directory, deletes temp files left by a crash, writes the spool file of
     * every object the journal holds whose file is missing or incomplete, then opens the journal
     * (if configured). Call once at start-up, before receiving.
     */
    public void recover() throws IOException {
        DurableFiles.createDirectories(root);
        int n = DurableFiles.deleteTempFiles(root);
        if (n > 0) {
            log.info("spool {}: removed {} incomplete file(s) left by an earlier crash", root, n);
        }
        List<SpoolJournal.Entry> replay = SpoolJournal.recover(journalDir());
        int written = 0;
        for (SpoolJournal.Entry e : replay) {
            Path target = pathFor(e.studyUid(), e.seriesUid(), e.sopInstanceUid());
            byte[] bytes = e.parts()[0];
            // a journaled object was never a duplicate when it was stored, so a file that differs is
            // one the writer had not finished: the journal's copy is the acknowledged one
            if (!Files.exists(target) || Files.size(target) != bytes.length
                    || !Arrays.equals(bytes, Files.readAllBytes(target))) {
                DurableFiles.createDirectories(target.getParent());
                DurableFiles.write(target, bytes);
                written++;
            }
        }
        if (!replay.isEmpty()) {
            log.info("spool {}: journal held {} acknowledged object(s); wrote {} missing spool file(s)",
                    root, replay.size(), written);
        }
        if (journalSegmentBytes > 0) {
            // segments for everything the writer may hold back, prepared before the first burst
            journal = SpoolJournal.open(journalDir(), journalSegmentBytes, readySegments ? MAX_PENDING_BYTES : 0);
            startWriter();
        } else if (Files.isDirectory(journalDir())) {
            SpoolJournal.open(journalDir(), 4096).close();   // empties it (its records are in the spool)
            DurableFiles.deleteTree(journalDir());
        }
    }

    /** Writes the spool files of everything journaled, then stops the writer and the journal. */
    public void close() {
        closing = true;
        Thread w = writer;
        if (w != null) {
            toWrite.add(STOP);
            try {
                w.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SpoolJournal j = journal;
        if (j != null) {
            j.close();
            if (pending.isEmpty()) {
                // every record is in its file: nothing for the next start to replay (a replay would
                // also bring back a file someone deleted from the spool in the meantime)
                try {
                    DurableFiles.deleteTree(journalDir());
                } catch (IOException e) {
                    log.warn("spool {}: could not remove the emptied journal: {}", root, e.toString());
                }
            }
        }
    }

    /** Where an object with these UIDs is (or would be) stored. */
    public Path pathFor(String studyUid, String seriesUid, String sopInstanceUid) {
        return root.resolve(SafeNames.uid(studyUid)).resolve(SafeNames.uid(seriesUid))
                .resolve(SafeNames.uid(sopInstanceUid) + ".dcm");
    }

    /**
     * Stores one object durably: the file's bytes are {@code parts} concatenated. Returns once the
     * object is on disk (in its file, or in the journal); {@code whenVisible} runs (on some thread)
     * once its spool file can be read: at once on the direct way, after the background write with
     * the journal, at once for a duplicate.
     *
     * @throws SpoolFullException when the disk is full or would drop below the reserve; nothing is left
     */
    public Stored store(String studyUid, String seriesUid, String sopInstanceUid, byte[][] parts,
                        Runnable whenVisible) throws IOException {
        long size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        DurableFiles.Content content = out -> {
            for (byte[] p : parts) {
                out.write(p);
            }
        };
        SpoolJournal j = journal;
        SpoolJournal.Entry entry = new SpoolJournal.Entry(studyUid, seriesUid, sopInstanceUid, parts);
        if (j == null || j.isBroken() || closing || !j.fits(entry)) {
            Stored s = store(studyUid, seriesUid, sopInstanceUid, size, content);
            whenVisible.run();
            return s;
        }
        Path target = pathFor(studyUid, seriesUid, sopInstanceUid);
        Pending p;
        synchronized (locks[Math.floorMod(target.hashCode(), locks.length)]) {
            if (Files.exists(target)) {
                Stored s = duplicate(target, size, content);
                whenVisible.run();
                return s;
            }
            Pending first = pending.get(target);
            if (first != null) {
                p = first;
            } else {
                checkFreeSpace(size);
                p = new Pending(target, entry, size, whenVisible);
                pending.put(target, p);
            }
        }
        if (p.entry != entry) {                       // a second copy of an object being journaled
            try {
                p.durable.get();
            } catch (Exception e) {
                return store(studyUid, seriesUid, sopInstanceUid, parts, whenVisible);   // the first failed
            }
            boolean differs = p.size != size || !Arrays.equals(concat(parts), concat(p.entry.parts()));
            whenVisible.run();
            return new Stored(target, size, true, differs);
        }
        reserve(size);
        try {
            p.ticket = j.append(entry);
            j.awaitDurable(p.ticket);
        } catch (IOException | RuntimeException e) {
            synchronized (locks[Math.floorMod(target.hashCode(), locks.length)]) {
                pending.remove(target);
            }
            release(size);
            p.durable.completeExceptionally(e);
            log.warn("spool {}: journal write failed ({}); writing {} directly", root, e.toString(), target.getFileName());
            Stored s = store(studyUid, seriesUid, sopInstanceUid, size, content);
            whenVisible.run();
            return s;
        }
        p.durable.complete(null);
        lastStoreNanos = System.nanoTime();
        toWrite.add(p);
        return new Stored(target, size, false, false);
    }

    /**
     * Stores one object durably, writing its file directly (never through the journal).
     *
     * @param size    the number of bytes {@code content} writes (for the free-space check)
     * @throws SpoolFullException when the disk is full or would drop below the reserve; no file is left
     */
    public Stored store(String studyUid, String seriesUid, String sopInstanceUid, long size,
                        DurableFiles.Content content) throws IOException {
        Path target = pathFor(studyUid, seriesUid, sopInstanceUid);
        Pending first;
        synchronized (locks[Math.floorMod(target.hashCode(), locks.length)]) {
            if (Files.exists(target)) {
                return duplicate(target, size, content);
            }
            first = pending.get(target);
            if (first == null) {
                write(target, size, content);
                return new Stored(target, Files.size(target), false, false);
            }
        }
        // the first copy is in the journal, its file not yet written: it wins, as a file would
        try {
            first.durable.get();
        } catch (Exception e) {
            return store(studyUid, seriesUid, sopInstanceUid, size, content);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size);
        content.writeTo(bytes);
        boolean differs = !Arrays.equals(bytes.toByteArray(), concat(first.entry.parts()));
        return new Stored(target, size, true, differs);
    }

    private static byte[] concat(byte[][] parts) {
        if (parts.length == 1) {
            return parts[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private void reserve(long size) {
        synchronized (pendingBytesLock) {
            while (pendingBytes > 0 && pendingBytes + size > MAX_PENDING_BYTES) {
                try {
                    pendingBytesLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pendingBytes += size;
        }
    }

    private void release(long size) {
        synchronized (pendingBytesLock) {
            pendingBytes -= size;
            pendingBytesLock.notifyAll();
        }
    }

    // ---- the background writer -----------------------------------------------------------------

    private void startWriter() {
        if (!startWriterThread) {
            return;
        }
        writer = new Thread(this::writeLoop, "spool-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void writeLoop() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first;
                if (unsynced.isEmpty()) {
                    first = toWrite.take();
                } else {
                    long left = oldestUnsynced + CHECKPOINT_NANOS - System.nanoTime();
                    first = toWrite.poll(Math.max(0, left), java.util.concurrent.TimeUnit.NANOSECONDS);
                    if (first == null) {
                        checkpointWithRetry();
                        continue;
                    }
                }
                batch.add(first);
                awaitPause();
            } catch (InterruptedException e) {
                return;
            }
            // gather for a moment: fewer, larger batches
            long until = System.nanoTime() + GATHER_NANOS;
            try {
                while (batch.size() < BATCH && batch.get(batch.size() - 1) != STOP) {
                    long left = until - System.nanoTime();
                    Pending more = left > 0 ? toWrite.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS) : null;
                    if (more == null) {
                        break;
                    }
                    batch.add(more);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean stop = batch.removeIf(p -> p == STOP);
            if (!batch.isEmpty()) {
                writeWithRetry(batch);
            }
            if (stop || unsynced.size() >= CHECKPOINT_OBJECTS
                    || (!unsynced.isEmpty() && System.nanoTime() - oldestUnsynced >= CHECKPOINT_NANOS)) {
                checkpointWithRetry();
            }
            if (stop) {
                return;
            }
        }
    }

    /**
     * Waits until no object was journaled for {@link #QUIET_NANOS}, or {@link #DEFER_BYTES} are
     * pending, or the first of them waited {@link #MAX_DEFER_NANOS}, or the spool is closing.
     */
    private void awaitPause() throws InterruptedException {
        long deadline = System.nanoTime() + maxDeferNanos;
        while (!closing && pendingBytes() < deferBytes) {
            long now = System.nanoTime();
            long quiet = now - lastStoreNanos;
            if (quiet >= quietNanos || now - deadline >= 0) {
                return;
            }
            // short naps: pending bytes grow, and close() must not wait for a nap to end
            Thread.sleep(Math.max(1, Math.min(10, Math.min(quietNanos - quiet, deadline - now) / 1_000_000)));
        }
    }

    private long pendingBytes() {
        synchronized (pendingBytesLock) {
            return pendingBytes;
        }
    }

    private void writeWithRetry(List<Pending> batch) {
        long backoffMs = 100;
        while (true) {
            try {
                writeBatch(batch);
                return;
            } catch (IOException | RuntimeException e) {
                // the objects are safe in the journal; try again (a full disk may be freed)
                log.error("spool {}: could not write {} journaled object(s) to their files ({}); {}", root,
                        batch.size(), e.toString(), closing ? "they are written at the next start"
                                : "retrying in " + backoffMs + " ms");
                if (closing) {
                    return;
                }
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMs = Math.min(30_000, backoffMs * 2);
            }
        }
    }

    private void checkpointWithRetry() {
        try {
            checkpoint();
        } catch (IOException | RuntimeException e) {
            // the records stay in the journal (not retired): the next checkpoint, or the next start, tries again
            log.error("spool {}: could not flush {} written file(s) ({}); their journal records are kept", root,
                    unsynced.size(), e.toString());
            oldestUnsynced = System.nanoTime();
        }
    }

    /**
     * Writes each object's spool file (temp file, rename; no flush yet: the journal holds the object
     * durably) and makes it visible. Its record is retired at the next {@link #checkpoint}.
     */
    private void writeBatch(List<Pending> batch) throws IOException {
        List<Path> temps = new ArrayList<>(batch.size());
        int renamed = 0;
        try {
            for (Pending p : batch) {
                Path dir = p.target.getParent();
                DurableFiles.createDirectories(dir);
                Path temp = dir.resolve(DurableFiles.tempName());
                temps.add(temp);
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(temp,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                    java.nio.ByteBuffer[] parts = new java.nio.ByteBuffer[p.entry.parts().length];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = java.nio.ByteBuffer.wrap(p.entry.parts()[i]);
                    }
                    while (parts[parts.length - 1].hasRemaining()) {
                        ch.write(parts);
                    }
                }
            }
            for (; renamed < batch.size(); renamed++) {
                Files.move(temps.get(renamed), batch.get(renamed).target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            for (int i = renamed; i < temps.size(); i++) {
                Files.deleteIfExists(temps.get(i));
            }
            if (renamed > 0) {
                done(batch.subList(0, renamed));
                batch.subList(0, renamed).clear();     // the retry writes only the rest
            }
            throw e;
        }
        done(batch);
    }

    private void done(List<Pending> written) {
        if (unsynced.isEmpty()) {
            oldestUnsynced = System.nanoTime();
        }
        for (Pending p : written) {
            synchronized (locks[Math.floorMod(p.target.hashCode(), locks.length)]) {
                pending.remove(p.target);
            }
            release(p.size);
            unsynced.add(new Unsynced(p.target, p.ticket));
            try {
                p.whenVisible.run();
            } catch (RuntimeException e) {
                log.warn("spool {}: listener failed for {}: {}", root, p.target.getFileName(), e.toString());
            }
        }
    }

    /**
     * Flushes every file written since the last checkpoint and their folders, then retires their
     * journal records: from here on the files alone hold the objects.
     */
    private void checkpoint() throws IOException {
        if (unsynced.isEmpty()) {
            return;
        }
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (Unsynced u : unsynced) {
            DurableFiles.syncFile(u.file());
            dirs.add(u.file().getParent());
        }
        for (Path d : dirs) {
            DurableFiles.syncDirectory(d);
        }
        for (Unsynced u : unsynced) {
            journal.retire(u.ticket());
        }
        unsynced.clear();
    }

    private void write(Path target, long size, DurableFiles.Content content) throws IOException {
        try {
            checkFreeSpace(size);
            DurableFiles.createDirectories(target.getParent());
            DurableFiles.write(target, content);
        } catch (SpoolFullException e) {
            throw e;
        } catch (IOException e) {
            if (SpoolFullException.isNoSpace(e)) {
                throw new SpoolFullException("spool disk " + root + " is full", e);
            }
            throw e;
        }
    }

    private Stored duplicate(Path target, long size, DurableFiles.Content content) throws IOException {
        // The first store may have failed after its rename but before its directory sync; the sender
        // retries then, so make sure the entry is durable before answering success this time.
        DurableFiles.syncDirectory(target.getParent());
        boolean differs = Files.size(target) != size;
        if (!differs) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size);
            content.writeTo(bytes);
            differs = !Arrays.equals(bytes.toByteArray(), Files.readAllBytes(target));
        }
        return new Stored(target, Files.size(target), true, differs);
    }

    private void checkFreeSpace(long size) throws IOException {
        FileStore store = fileStore;
        if (store == null) {
            fileStore = store = Files.getFileStore(root);
        }
        long usable = store.getUsableSpace();
        if (usable - size < reserveBytes) {
            throw new SpoolFullException("spool disk " + root + " has " + usable / (1024 * 1024)
                    + " MB free, below the reserve of " + reserveBytes / (1024 * 1024) + " MB", null);
        }
    }
}
