// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store of received objects: {@code <root>/<study>/<series>/<sopInstance>.dcm}, every
 * component made safe by {@link SafeNames}. {@link #store} returns only once the file and its
 * directory entry are on disk ({@link DurableFiles}). Blocking: call it on a worker thread.
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

    /** What happened to one object. */
    public record Stored(Path file, long bytes, boolean duplicate, boolean differs) {
    }

    /**
     * @param reserveBytes refuse an object when less than this would remain free after writing it
     */
    public Spool(Path root, long reserveBytes) {
        this.root = root.toAbsolutePath();
        this.reserveBytes = reserveBytes;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public Path root() {
        return root;
    }

    /** Creates the spool directory and deletes temp files left by a crash. Call once at start-up. */
    public void recover() throws IOException {
        DurableFiles.createDirectories(root);
        int n = DurableFiles.deleteTempFiles(root);
        if (n > 0) {
            log.info("spool {}: removed {} incomplete file(s) left by an earlier crash", root, n);
        }
    }

    /** Where an object with these UIDs is (or would be) stored. */
    public Path pathFor(String studyUid, String seriesUid, String sopInstanceUid) {
        return root.resolve(SafeNames.uid(studyUid)).resolve(SafeNames.uid(seriesUid))
                .resolve(SafeNames.uid(sopInstanceUid) + ".dcm");
    }

    /**
     * Stores one object durably.
     *
     * @param size    the number of bytes {@code content} writes (for the free-space check)
     * @throws SpoolFullException when the disk is full or would drop below the reserve; no file is left
     */
    public Stored store(String studyUid, String seriesUid, String sopInstanceUid, long size,
                        DurableFiles.Content content) throws IOException {
        Path target = pathFor(studyUid, seriesUid, sopInstanceUid);
        synchronized (locks[Math.floorMod(target.hashCode(), locks.length)]) {
            if (Files.exists(target)) {
                return duplicate(target, size, content);
            }
            write(target, size, content);
        }
        return new Stored(target, Files.size(target), false, false);
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
