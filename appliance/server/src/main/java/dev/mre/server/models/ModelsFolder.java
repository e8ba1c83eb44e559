// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import dev.mre.server.ingest.DurableFiles;
import dev.mre.inference.Manifest;
import dev.mre.inference.ModelPackage;
import dev.mre.inference.ModelPackageException;
import dev.mre.server.process.DlModels;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A models folder as the field engineer changes it: install a verified package, roll a model back
 * to the version it replaced, list what is there. Layout:
 * <pre>
 * DIR/&lt;name&gt;/                               the active package (what serve and process load)
 * DIR/.previous/&lt;name&gt;/&lt;version&gt;-&lt;stamp&gt;/   versions it replaced, stamp = UTC time replaced
 * DIR/.staging-&lt;name&gt;-&lt;stamp&gt;/&lt;name&gt;/       a copy being installed; READY beside it once complete
 * DIR/.lock, DIR/.history.log               the change lock; one line per change
 * </pre>
 * A switch is: copy into staging and fsync; write READY and fsync; rename the active folder into
 * .previous; rename the staged copy to {@code DIR/<name>}; fsync the folders. A crash before the
 * first rename leaves the old package active; after the second, the new one. Between the two
 * renames (microseconds) no package of that name is active: {@link #recover()}, run first by every
 * models command, then finds READY beside a complete copy and finishes the switch. Every other
 * leftover staging folder is deleted. Not thread-safe; {@link #lock()} keeps two commands apart.
 */
public final class ModelsFolder {
    static final String PREVIOUS = ".previous";
    static final String STAGING = ".staging-";
    static final String READY = "READY";
    static final String LOCK = ".lock";
    static final String HISTORY = ".history.log";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern KEPT = Pattern.compile("(.+)-(\\d{8}T\\d{6}\\.\\d{3}Z)");
    private static final Set<String> USED = Set.of(DlModels.LIVER, DlModels.STIFFNESS);

    /** The full check a staged copy must pass before a rollback switches to it. */
    @FunctionalInterface
    public interface Check {
        ModelPackage verify(Path packageDir) throws ModelPackageException;
    }

    private final Path dir;
    private final Clock clock;
    private Instant lastStamp = Instant.EPOCH;

    public ModelsFolder(Path dir) {
        this(dir, Clock.systemUTC());
    }

    ModelsFolder(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** Creates the folder if needed and takes its lock; closing the result releases it. */
    public Closeable lock() throws IOException, ModelsException {
        Files.createDirectories(dir);
        FileChannel c = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = c.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            c.close();
            throw new ModelsException(ModelsException.Reason.BUSY, "another models command is changing " + dir
                    + " (" + dir.resolve(LOCK) + " is locked); wait for it to finish");
        }
        return c;
    }

    /** Whether an interrupted command left staging folders that {@link #recover()} would handle. */
    public boolean hasLeftovers() throws IOException {
        return !staging().isEmpty();
    }

    /** Finishes an interrupted switch and deletes leftover staging folders; one line per action. */
    public List<String> recover() throws IOException {
        List<String> done = new ArrayList<>();
        for (Path s : staging()) {
            Path ready = s.resolve(READY);
            String name = Files.isRegularFile(ready) ? Files.readString(ready, StandardCharsets.UTF_8).strip() : "";
            Path active = dir.resolve(name);
            if (!name.isEmpty() && !name.startsWith(".") && !name.contains("/") && Files.isDirectory(s.resolve(name))
                    && !Files.exists(active, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(s.resolve(name), active, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.syncDirectory(dir);
                String line = "completed an interrupted switch: " + name + " " + versionOf(active) + " is active";
                history(line);
                done.add(line);
            }
            DurableFiles.deleteTree(s);
            done.add("removed leftover staging folder " + s);
        }
        if (!done.isEmpty()) {
            DurableFiles.syncDirectory(dir);
        }
        return done;
    }

    /** Every model with an active package or kept versions, by name. */
    public List<Installed> list() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path p : ModelPackage.find(dir)) {
            names.add(p.getFileName().toString());
        }
        Path prev = dir.resolve(PREVIOUS);
        if (Files.isDirectory(prev)) {
            try (Stream<Path> s = Files.list(prev)) {
                s.filter(Files::isDirectory).forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        List<Installed> out = new ArrayList<>();
        for (String n : names) {
            if (!n.startsWith(".")) {
                out.add(installed(n));
            }
        }
        return out;
    }

    private Installed installed(String name) throws IOException {
        Path active = dir.resolve(name);
        List<Installed.Kept> kept = kept(name);
        boolean used = USED.contains(name);
        if (!Files.isDirectory(active)) {
            return new Installed(name, null, null, -1, Installed.Integrity.NONE, used, kept);
        }
        Manifest m = manifest(active);
        if (m == null) {
            return new Installed(name, null, null, -1, Installed.Integrity.MALFORMED, used, kept);
        }
        Path onnx = active.resolve(m.onnx().file());
        if (!Files.isRegularFile(onnx)) {
            return new Installed(name, m.version(), m.task(), -1, Installed.Integrity.NO_ONNX, used, kept);
        }
        boolean ok = PackageFiles.sha256(onnx).equals(m.onnx().sha256());
        return new Installed(name, m.version(), m.task(), Files.size(onnx),
                ok ? Installed.Integrity.OK : Installed.Integrity.BAD, used, kept);
    }

    /** The kept previous versions of a model, newest first. */
    public List<Installed.Kept> kept(String name) throws IOException {
        Path d = dir.resolve(PREVIOUS).resolve(name);
        List<Installed.Kept> out = new ArrayList<>();
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Matcher m = KEPT.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    out.add(new Installed.Kept(m.group(1), Instant.from(STAMP.parse(m.group(2))), p));
                }
            }
        }
        out.sort(Comparator.comparing(Installed.Kept::replaced).reversed());
        return out;
    }

    /**
     * Makes a verified package the active one; the package it replaces is kept, the oldest kept
     * versions beyond {@code keep} are deleted. The same version with the same files changes nothing;
     * the same version with other files is refused unless {@code force}. The staged copy must have
     * the verified files and manifest, so a source changed after its verification is not installed.
     */
    public Change install(ModelPackage source, boolean force, int keep)
            throws IOException, ModelsException, ModelPackageException {
        Manifest m = source.manifest();
        String name = m.name();
        List<String> files = PackageFiles.of(source.dir(), m);
        String digest = PackageFiles.digest(source.dir(), files);
        Path active = dir.resolve(name);
        Manifest current = Files.isDirectory(active) ? manifest(active) : null;
        if (current != null && Files.isRegularFile(active.resolve(current.onnx().file()))
                && current.version().equals(m.version())) {
            Change.Version v = new Change.Version(current.version(), current.onnx().sha256());
            if (sameFiles(active, current, digest)) {
                return new Change(Change.Action.UNCHANGED, name, v, v, null);
            }
            if (!force) {
                throw new ModelsException(ModelsException.Reason.SAME_VERSION, name + " " + m.version()
                        + " is already active in " + active + " with other content (active ONNX sha256 "
                        + current.onnx().sha256() + ", new " + m.onnx().sha256() + "); give the new package its own"
                        + " version, or repeat with --force to replace it anyway");
            }
        }
        Files.createDirectories(dir);
        Path staging = newStaging(name);
        try {
            PackageFiles.copy(source.dir(), files, staging.resolve(name));
            if (!PackageFiles.digest(staging.resolve(name), files).equals(digest)
                    || !ModelPackage.open(staging.resolve(name)).manifest().equals(m)) {
                throw new IOException("the copy in " + staging.resolve(name) + " differs from the package verified in "
                        + source.dir() + "; the source changed while installing, or the disk is failing");
            }
        } catch (IOException | ModelPackageException | RuntimeException e) {
            discardStaging(staging, e);
            throw e;
        }
        return switchTo(staging, name, new Change.Version(m.version(), m.onnx().sha256()), keep,
                Change.Action.INSTALLED, null);
    }

    /**
     * Makes the most recently replaced kept version active again, after copying it to staging and
     * passing {@code check} there; the version it replaces is kept, so a rollback can be undone.
     */
    public Change rollback(String name, int keep, Check check)
            throws IOException, ModelsException, ModelPackageException {
        List<Installed.Kept> kept = kept(name);
        if (kept.isEmpty()) {
            throw new ModelsException(ModelsException.Reason.NOTHING_KEPT, "no previous version of " + name
                    + " is kept in " + dir.resolve(PREVIOUS).resolve(name) + "; nothing to roll back to");
        }
        Installed.Kept chosen = kept.get(0);
        Manifest m = manifest(chosen.dir());
        if (m == null) {
            throw new ModelPackageException(ModelPackageException.Reason.MALFORMED, "kept version " + chosen.dir()
                    + " has no readable manifest.json. Delete that folder to roll back to an"
                    + " older kept version");
        }
        Files.createDirectories(dir);
        Path staging = newStaging(name);
        ModelPackage verified;
        try {
            PackageFiles.copy(chosen.dir(), PackageFiles.of(chosen.dir(), m), staging.resolve(name));
            verified = check.verify(staging.resolve(name));
        } catch (ModelPackageException e) {
            discardStaging(staging, e);
            throw new ModelPackageException(e.reason(), "kept version " + chosen.dir() + " is refused: "
                    + e.getMessage() + ". Delete that folder to roll back to an older kept version",
                    e);
        } catch (IOException | RuntimeException e) {
            discardStaging(staging, e);
            throw e;
        }
        Manifest v = verified.manifest();
        return switchTo(staging, name, new Change.Version(v.version(), v.onnx().sha256()), keep,
                Change.Action.ROLLED_BACK, chosen.dir());
    }

    /** The switch described in the class comment, then the tidying up (kept versions, staging). */
    private Change switchTo(Path staging, String name, Change.Version to, int keep, Change.Action action,
                            Path consumed) throws IOException {
        Path ready = staging.resolve(READY);
        Files.writeString(ready, name + "\n", StandardCharsets.UTF_8);
        DurableFiles.syncFile(ready);
        DurableFiles.syncDirectory(staging);
        Path active = dir.resolve(name);
        Change.Version from = null;
        Path keptAt = null;
        if (Files.exists(active, LinkOption.NOFOLLOW_LINKS)) {
            from = versionOf(active);
            Path parent = dir.resolve(PREVIOUS).resolve(name);
            Files.createDirectories(parent);
            DurableFiles.syncDirectory(dir.resolve(PREVIOUS));
            DurableFiles.syncDirectory(dir);
            keptAt = parent.resolve(from.version().replaceAll("[^A-Za-z0-9._+-]", "_") + "-" + stamp());
            Files.move(active, keptAt, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(parent);
        }
        Files.move(staging.resolve(name), active, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.syncDirectory(dir);
        Change change = new Change(action, name, from, to, keptAt);
        history(change.describe());
        List<Path> drop = new ArrayList<>();
        if (consumed != null) {
            drop.add(consumed);
        }
        kept(name).stream().map(Installed.Kept::dir).filter(p -> !p.equals(consumed)).skip(keep).forEach(drop::add);
        for (int i = 0; i < drop.size(); i++) {
            Files.move(drop.get(i), staging.resolve("discard-" + i), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        DurableFiles.deleteTree(staging);
        DurableFiles.syncDirectory(dir);
        return change;
    }

    private Path newStaging(String name) throws IOException {
        Path s = dir.resolve(STAGING + name + "-" + stamp());
        Files.createDirectory(s);
        DurableFiles.syncDirectory(dir);
        return s;
    }

    private static void discardStaging(Path staging, Exception cause) {
        try {
            DurableFiles.deleteTree(staging);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private List<Path> staging() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(STAGING) && Files.isDirectory(p)).sorted()
                    .toList();
        }
    }

    private static boolean sameFiles(Path active, Manifest m, String digest) throws IOException {
        try {
            return PackageFiles.digest(active, PackageFiles.of(active, m)).equals(digest);
        } catch (IOException e) {
            return false;                                 // a file of the package is missing: not the same
        }
    }

    /**
     * The manifest of a package folder, or null when it is missing or breaks the contract: list shows
     * such a package as broken and install replaces it; the full reason comes from verify.
     */
    private static Manifest manifest(Path pkg) {
        try {
            return Manifest.parse(Files.readString(pkg.resolve(ModelPackage.MANIFEST), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Change.Version versionOf(Path pkg) {
        Manifest m = manifest(pkg);
        return m == null ? new Change.Version("unreadable", "unknown") : new Change.Version(m.version(),
                m.onnx().sha256());
    }

    /** A UTC stamp, unique within this folder object even for two changes in one millisecond. */
    private String stamp() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        lastStamp = now.isAfter(lastStamp) ? now : lastStamp.plusMillis(1);
        return STAMP.format(lastStamp);
    }

    private void history(String line) throws IOException {
        Path h = dir.resolve(HISTORY);
        Files.writeString(h, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + line + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        DurableFiles.syncFile(h);
    }
}
