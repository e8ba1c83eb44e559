// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Crash-safe file writing, the one recipe used by the spool and the outbox: write a temp file in
 * the target directory, {@code force(true)} it, rename it atomically over the final name, then
 * {@code force(true)} the directory so the rename itself survives a power cut. A reader never sees
 * a partial file under a final name; a crash leaves at most a temp file, which
 * {@link #deleteTempFiles} removes at start-up.
 */
public final class DurableFiles {
    /** Prefix of temp files; never a prefix of a final name (those are UIDs, digests or job ids). */
    public static final String TEMP_PREFIX = ".incoming-";

    /** Random per process (taken once), so temp names of two processes sharing a folder never meet. */
    private static final String PROCESS_TAG = Long.toHexString(new java.security.SecureRandom().nextLong());
    private static final java.util.concurrent.atomic.AtomicLong TEMP_SERIAL = new java.util.concurrent.atomic.AtomicLong();

    private DurableFiles() {
    }

    /**
     * A fresh temp file name (its folder is the caller's): unique in this process by a counter and
     * across processes by a random tag drawn once. Cheaper than a random UUID per file, which takes
     * a SecureRandom draw (a lock, a read of /dev/urandom and a SHA-1 mix) for every received object.
     */
    public static String tempName() {
        return TEMP_PREFIX + PROCESS_TAG + "-" + TEMP_SERIAL.incrementAndGet() + ".tmp";
    }

    /** What writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} durably. On any failure the temp file is deleted and the exception is
     * rethrown; {@code target} is then unchanged.
     */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(tempName());
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            moveAtomically(temp, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Writes bytes durably; see {@link #write(Path, Content)}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Renames atomically and syncs both directories; used to move a job between states. */
    public static void move(Path from, Path to) throws IOException {
        moveAtomically(from, to);
        syncDirectory(to.toAbsolutePath().getParent());
        if (!from.toAbsolutePath().getParent().equals(to.toAbsolutePath().getParent())) {
            syncDirectory(from.toAbsolutePath().getParent());
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to.getParent()
                    + " cannot rename atomically; put it on a local POSIX file system", e);
        }
    }

    /** Creates {@code dir} and missing parents, syncing each parent whose entries changed. */
    public static void createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return;
        }
        createDirectories(abs.getParent());
        try {
            Files.createDirectory(abs);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
            return; // created concurrently by another association: fine
        }
        syncDirectory(abs.getParent());
    }

    /** fsync of a file: its data and metadata are on the device when this returns. */
    public static void syncFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Deletes a folder and everything in it, never following a symbolic link; nothing if absent. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /** fsync of a directory: makes creations, renames and deletions in it durable. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Deletes temp files left by a crash anywhere under {@code root}; returns how many. */
    public static int deleteTempFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().startsWith(TEMP_PREFIX) && Files.isRegularFile(p)) {
                    Files.delete(p);
                    n++;
                }
            }
        }
        return n;
    }

    /** Best-effort clean-up after a failure; a failure to delete is attached to the original error. */
    private static void deleteQuietly(Path temp, Exception original) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            original.addSuppressed(e);
        }
    }
}
