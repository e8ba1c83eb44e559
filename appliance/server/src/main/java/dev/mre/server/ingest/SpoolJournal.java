// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's write-ahead journal: a received object is durable once its record is in a journal
 * segment and {@link #awaitDurable} has returned; its spool file is written afterwards, in the
 * background, and the record is then {@link #retire retired}. A crash in between is repaired at
 * start-up from {@link #recover}.
 *
 * <p>Why: an fsync of a new file costs a journal commit of the file system for its block
 * allocation and inode, and the directory fsync after the rename a second one, per object (1-3 ms
 * on the development VM). A record written into a segment whose blocks were allocated and zeroed
 * in advance changes no file-system metadata, so {@link FileChannel#force force(false)}
 * (fdatasync) is one data flush; and concurrent associations share it (group commit: one flush
 * covers every record written before it started).
 *
 * <p>Segments are {@code seg-<n>.wal} files of a fixed size, zero-filled and fsynced before first
 * use (by a background thread, one ahead, and optionally a pool of spares prepared from the start),
 * and recycled once all their records are retired.
 * Record: magic, segment number, body length, CRC-32C of the body, then the body (study, series
 * and instance UID, then the object's bytes). A scan stops at the first record whose magic,
 * segment number, length or CRC does not fit: the rest of the segment is zeros, a torn last write,
 * or a recycled segment's old records (their segment number is the old one).
 */
public final class SpoolJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpoolJournal.class);
    static final int MAGIC = 0x4D52454A;               // "MREJ"
    static final int HEADER = 24;                      // magic, segment (8), body length, crc, reserved
    private static final String PREFIX = "seg-";
    private static final String SUFFIX = ".wal";
    private static final int ZERO_CHUNK = 1 << 20;

    /** One received object as journaled. {@code parts} concatenated are the spool file's bytes. */
    public record Entry(String studyUid, String seriesUid, String sopInstanceUid, byte[][] parts) {
        long fileLength() {
            long n = 0;
            for (byte[] p : parts) {
                n += p.length;
            }
            return n;
        }
    }

    /** Where a record was written; pass it back to {@link #awaitDurable} and {@link #retire}. */
    public static final class Ticket {
        private final Segment segment;
        private final long end;

        private Ticket(Segment segment, long end) {
            this.segment = segment;
            this.end = end;
        }
    }

    private final Path dir;
    private final long segmentBytes;
    private final ExecutorService preparer;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Deque<Segment> spares = new ArrayDeque<>();
    /** How many zero-filled spare segments are kept. */
    private final int ready;
    static final int MAX_READY = 16;
    private Segment current;
    private Future<Segment> next;
    private long nextNumber;
    // group commit
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition synced = syncLock.newCondition();
    private Set<Segment> dirty = new HashSet<>();
    private long startedGeneration;
    private long syncedGeneration;
    private boolean forcing;
    private IOException syncFailure;
    private final AtomicInteger forces = new AtomicInteger();
    private volatile boolean closed;

    private static final class Segment {
        final long number;
        Path file;
        final FileChannel channel;
        long position;
        int appended;
        final AtomicInteger retired = new AtomicInteger();
        volatile boolean sealed;
        /** Under syncLock: every byte before this is written; writes that finished out of order. */
        long writtenUpTo;
        final java.util.TreeMap<Long, Long> writtenAhead = new java.util.TreeMap<>();

        Segment(long number, Path file, FileChannel channel) {
            this.number = number;
            this.file = file;
            this.channel = channel;
        }
    }

    private SpoolJournal(Path dir, long segmentBytes, long firstNumber, int ready) {
        this.ready = ready;
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.nextNumber = firstNumber;
        this.preparer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "spool-journal-prepare");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Reads every intact record left in {@code dir} by an earlier run (oldest first). Call before
     * {@link #open}; once each is safely in the spool, {@link #open} discards them.
     */
    public static List<Entry> recover(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path seg : segments(dir)) {
            long number = numberOf(seg);
            try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.READ)) {
                long pos = 0;
                long size = ch.size();
                ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                while (pos + HEADER <= size) {
                    head.clear();
                    readFully(ch, head, pos);
                    head.flip();
                    int magic = head.getInt();
                    long segNo = head.getLong();
                    int length = head.getInt();
                    int crc = head.getInt();
                    if (magic != MAGIC || segNo != number || length <= 0 || pos + HEADER + length > size) {
                        break;
                    }
                    ByteBuffer body = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
                    readFully(ch, body, pos + HEADER);
                    CRC32C c = new CRC32C();
                    c.update(body.array(), 0, length);
                    if ((int) c.getValue() != crc) {
                        log.warn("spool journal {}: record at offset {} fails its checksum (torn write); "
                                + "records after it were never acknowledged", seg.getFileName(), pos);
                        break;
                    }
                    body.flip();
                    out.add(decodeBody(body));
                    pos += HEADER + length;
                }
            }
        }
        return out;
    }

    /**
     * Opens the journal in {@code dir} for appending: removes what {@link #recover} read (the caller
     * has put it in the spool). Segments are prepared from the first {@link #append} on.
     */
    public static SpoolJournal open(Path dir, long segmentBytes) throws IOException {
        return open(dir, segmentBytes, 0);
    }

    /**
     * As {@link #open(Path, long)}, and keeps about {@code readyBytes} of segments prepared ahead:
     * zero-filling a segment writes and flushes all of it, which a burst of objects should not
     * have to share the disk with. They are prepared in the background from now on, and retired
     * segments are kept as spares up to that number (at least 2, at most {@value #MAX_READY}).
     */
    public static SpoolJournal open(Path dir, long segmentBytes, long readyBytes) throws IOException {
        DurableFiles.createDirectories(dir);
        long first = 1;
        for (Path seg : segments(dir)) {
            first = Math.max(first, numberOf(seg) + 1);
            Files.delete(seg);
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith(DurableFiles.TEMP_PREFIX)) {
                    Files.delete(p);
                }
            }
        }
        DurableFiles.syncDirectory(dir);
        // without readyBytes the first segment is prepared by the first append: a process that
        // receives nothing writes nothing
        int ready = readyBytes <= 0 ? 2 : (int) Math.max(2, Math.min(MAX_READY, (readyBytes + segmentBytes - 1) / segmentBytes));
        SpoolJournal j = new SpoolJournal(dir, segmentBytes, first, ready);
        if (readyBytes > 0) {
            j.preparer.submit(j::prepareSpare);
        }
        return j;
    }

    /** Zero-fills one spare segment in the background, then the next, until {@link #ready} are ready. */
    private Void prepareSpare() throws IOException {
        synchronized (spares) {
            if (closed || spares.size() >= ready) {
                return null;
            }
        }
        Path temp = dir.resolve(DurableFiles.TEMP_PREFIX + "spare-" + System.nanoTime() + ".tmp");
        FileChannel ch = zeroFilled(temp);
        boolean kept = false;
        synchronized (spares) {
            if (!closed && spares.size() < ready) {
                spares.add(new Segment(-1, temp, ch));
                kept = true;
            }
        }
        if (!kept) {
            ch.close();
            Files.deleteIfExists(temp);
            return null;
        }
        try {
            preparer.submit(this::prepareSpare);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed meanwhile: the spare is closed with the others
        }
        return null;
    }

    /** Whether {@code e}'s record fits in a segment; a larger object must go around the journal. */
    public boolean fits(Entry e) {
        return HEADER + (long) encodeIds(e).length + 4 + e.fileLength() <= segmentBytes;
    }

    /** Number of flushes so far (group commit makes this smaller than the number of records). */
    public int forces() {
        return forces.get();
    }

    /**
     * Writes {@code e}'s record (not yet durable: see {@link #awaitDurable}). Thread-safe; records
     * of concurrent callers are written side by side.
     *
     * @throws IOException when no segment is available or the write fails (nothing was acknowledged)
     */
    public Ticket append(Entry e) throws IOException {
        byte[] ids = encodeIds(e);
        long length = ids.length + 4 + e.fileLength();
        if (HEADER + length > segmentBytes) {
            throw new IllegalArgumentException("object of " + e.fileLength() + " bytes is larger than a journal segment");
        }
        CRC32C crc = new CRC32C();
        crc.update(ids);
        byte[] fileLen = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) e.fileLength()).array();
        crc.update(fileLen);
        for (byte[] p : e.parts()) {
            crc.update(p);
        }
        Segment seg;
        long at;
        appendLock.lock();
        try {
            if (closed) {
                throw new IOException("spool journal closed");
            }
            if (isBroken()) {
                throw new IOException("spool journal failed earlier", syncFailure);
            }
            if (current == null || current.position + HEADER + length > segmentBytes) {
                roll();
            }
            seg = current;
            at = seg.position;
            seg.position += HEADER + length;
            seg.appended++;
        } finally {
            appendLock.unlock();
        }
        // header, ids and file length in one write; then the object's parts
        ByteBuffer head = ByteBuffer.allocate(HEADER + ids.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(MAGIC).putLong(seg.number).putInt((int) length).putInt((int) crc.getValue()).putInt(0)
                .put(ids).put(fileLen).flip();
        long pos = at;
        try {
            pos += writeFully(seg.channel, head, pos);
            for (byte[] p : e.parts()) {
                pos += writeFully(seg.channel, ByteBuffer.wrap(p), pos);
            }
        } catch (IOException | RuntimeException ex) {
            // The records after this one in the segment can no longer be acknowledged (a scan stops
            // at this one): the journal stops, its waiters fail, and the spool writes files directly.
            broken(ex);
            throw ex;
        }
        written(seg, at, at + HEADER + length);
        return new Ticket(seg, at + HEADER + length);
    }

    private void broken(Exception cause) {
        syncLock.lock();
        try {
            if (syncFailure == null) {
                syncFailure = cause instanceof IOException io ? io : new IOException(cause);
            }
            synced.signalAll();
        } finally {
            syncLock.unlock();
        }
    }

    /** Whether a write or flush failed: the journal takes no more records. */
    public boolean isBroken() {
        syncLock.lock();
        try {
            return syncFailure != null;
        } finally {
            syncLock.unlock();
        }
    }

    /** Records [from, to) of {@code seg} as written and advances its written-through mark. */
    private void written(Segment seg, long from, long to) {
        syncLock.lock();
        try {
            if (from != seg.writtenUpTo) {
                seg.writtenAhead.put(from, to);
                return;
            }
            long upTo = to;
            Long ahead;
            while ((ahead = seg.writtenAhead.remove(upTo)) != null) {
                upTo = ahead;
            }
            seg.writtenUpTo = upTo;
            synced.signalAll();
        } finally {
            syncLock.unlock();
        }
    }

    /**
     * Returns once the record of {@code t} and every record before it in its segment are on the
     * device. One caller flushes for all who wait meanwhile. Waiting for the records before it
     * (written concurrently by other associations) keeps recovery simple: a scan that stops at the
     * first bad record never skips an acknowledged one.
     */
    public void awaitDurable(Ticket t) throws IOException {
        syncLock.lock();
        try {
            while (t.segment.writtenUpTo < t.end) {
                if (syncFailure != null) {
                    throw new IOException("spool journal failed", syncFailure);
                }
                synced.awaitUninterruptibly();
            }
            dirty.add(t.segment);
            long need = startedGeneration + 1;      // a flush that starts after our write finished
            while (syncedGeneration < need) {
                if (syncFailure != null) {
                    throw new IOException("spool journal flush failed earlier", syncFailure);
                }
                if (forcing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                forcing = true;
                long generation = ++startedGeneration;
                Set<Segment> toForce = dirty;
                dirty = new HashSet<>();
                syncLock.unlock();
                IOException failure = null;
                try {
                    for (Segment s : toForce) {
                        s.channel.force(false);
                    }
                    forces.incrementAndGet();
                } catch (IOException ex) {
                    failure = ex;
                } finally {
                    syncLock.lock();
                    forcing = false;
                    if (failure != null) {
                        syncFailure = failure;
                    } else {
                        syncedGeneration = generation;
                    }
                    synced.signalAll();
                }
                if (failure != null) {
                    throw failure;
                }
            }
        } finally {
            syncLock.unlock();
        }
    }

    /** The record's object is durably in the spool: its segment may be reused once all are. */
    public void retire(Ticket t) {
        Segment s = t.segment;
        s.retired.incrementAndGet();
        if (s.sealed) {
            recycleIfDone(s);
        }
    }

    /** Stops appending; unretired records stay on disk for {@link #recover}. */
    @Override
    public void close() {
        Future<Segment> pending;
        appendLock.lock();
        try {
            closed = true;
            preparer.shutdownNow();
            closeQuietly(current);
            synchronized (spares) {
                for (Segment s : spares) {
                    closeQuietly(s);
                }
            }
            pending = next;
        } finally {
            appendLock.unlock();
        }
        try {
            // a segment being prepared is abandoned (its temp file deleted) before close returns
            if (!preparer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("spool journal: segment preparation did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending != null && pending.isDone() && !pending.isCancelled()) {
            try {
                closeQuietly(pending.get());
            } catch (Exception ignored) {
                // it failed or was interrupted: nothing to close
            }
        }
    }

    // ---- segments ----------------------------------------------------------------------------

    /**
     * Under appendLock: seals the current segment (recycled at once if all its records are retired,
     * so the next preparation can reuse it) and moves to the prepared one, or prepares one now.
     */
    private void roll() throws IOException {
        Segment old = current;
        Segment fresh;
        if (next == null) {
            fresh = prepare();
        } else {
            try {
                fresh = next.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException ex) {
                next = null;                                  // try again next time (disk may be freed)
                throw ex.getCause() instanceof IOException io ? io : new IOException(ex.getCause());
            } catch (Exception ex) {
                throw new IOException("spool journal: next segment not ready: " + ex, ex);
            }
        }
        if (old != null) {
            old.sealed = true;
            recycleIfDone(old);
        }
        current = fresh;
        next = preparer.submit(this::prepare);
    }

    private void recycleIfDone(Segment s) {
        if (s.retired.get() < s.appended || closed) {
            return;
        }
        synchronized (spares) {
            if (!s.sealed || s.retired.get() < s.appended || closed) {
                return;
            }
            s.sealed = false;                 // recycled once only
            if (spares.size() < ready) {
                spares.add(s);
                return;
            }
        }
        closeQuietly(s);
        try {
            Files.deleteIfExists(s.file);
        } catch (IOException ex) {
            log.warn("spool journal: could not remove retired segment {}: {}", s.file, ex.toString());
        }
    }

    /** A zero-filled, fsynced segment with the next number: a recycled one renamed, or a new one. */
    private Segment prepare() throws IOException {
        long number;
        Segment spare;
        synchronized (spares) {             // not appendLock: roll() holds it while waiting for us
            number = nextNumber++;
            spare = spares.poll();
        }
        Path target = dir.resolve(String.format("%s%016d%s", PREFIX, number, SUFFIX));
        if (spare != null) {
            // its old records carry the old segment number, so a scan stops at the first of them
            Files.move(spare.file, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(dir);
            Segment s = new Segment(number, target, spare.channel);
            return s;
        }
        Path temp = dir.resolve(DurableFiles.TEMP_PREFIX + PREFIX + number + ".tmp");
        FileChannel ch = zeroFilled(temp);
        try {
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(dir);
        } catch (IOException | RuntimeException ex) {
            ch.close();
            Files.deleteIfExists(temp);
            throw ex;
        }
        return new Segment(number, target, ch);
    }

    /** A new file of segmentBytes zeros, flushed (data and size): later record flushes change no metadata. */
    private FileChannel zeroFilled(Path temp) throws IOException {
        FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer zeros = ByteBuffer.allocateDirect(ZERO_CHUNK);
            for (long pos = 0; pos < segmentBytes; ) {
                zeros.clear();
                zeros.limit((int) Math.min(ZERO_CHUNK, segmentBytes - pos));
                pos += writeFully(ch, zeros, pos);
            }
            ch.force(true);
        } catch (IOException | RuntimeException ex) {
            ch.close();
            Files.deleteIfExists(temp);
            throw ex;
        }
        return ch;
    }

    private static List<Path> segments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
            }).sorted().toList();
        }
    }

    private static long numberOf(Path seg) throws IOException {
        String n = seg.getFileName().toString();
        try {
            return Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            throw new IOException("unexpected file in the spool journal: " + seg, e);
        }
    }

    private static void closeQuietly(Segment s) {
        if (s != null) {
            try {
                s.channel.close();
            } catch (IOException ignored) {
                // closing a read/write channel we no longer use
            }
        }
    }

    // ---- encoding ----------------------------------------------------------------------------

    private static byte[] encodeIds(Entry e) {
        byte[][] ids = {utf8(e.studyUid()), utf8(e.seriesUid()), utf8(e.sopInstanceUid())};
        ByteBuffer b = ByteBuffer.allocate(12 + lengths(ids)).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] id : ids) {
            if (id == null) {
                b.putInt(-1);
            } else {
                b.putInt(id.length).put(id);
            }
        }
        return b.array();
    }

    private static Entry decodeBody(ByteBuffer b) {
        String study = readId(b);
        String series = readId(b);
        String sop = readId(b);
        int n = b.getInt();
        byte[] file = new byte[n];
        b.get(file);
        return new Entry(study, series, sop, new byte[][] {file});
    }

    private static String readId(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) {
            return null;
        }
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        if (s == null) {
            return null;
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int lengths(byte[][] ids) {
        int n = 0;
        for (byte[] id : ids) {
            n += id == null ? 0 : id.length;
        }
        return n;
    }

    private static int writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        int n = b.remaining();
        long p = pos;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
        return n;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new IOException("unexpected end of journal segment");
            }
            p += r;
        }
    }
}
