// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import dev.mre.server.ingest.DurableFiles;
import dev.mre.inference.Manifest;
import dev.mre.inference.ModelPackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files that make a model package (docs/design/model-packages.md): manifest.json, the ONNX file
 * the manifest names, MODEL_CARD.md and the plain files of parity/. Only these are installed, so a
 * training folder's checkpoint.pt (128 MB for ResNeXt50) stays behind; the digest over them is
 * what "same content" means to the installer.
 */
final class PackageFiles {
    private PackageFiles() {
    }

    /** The package's files as sorted relative paths ('/' separated); each must be a plain file. */
    static List<String> of(Path dir, Manifest m) throws IOException {
        Set<String> files = new TreeSet<>(List.of(ModelPackage.MANIFEST, m.onnx().file(), ModelPackage.MODEL_CARD));
        Path parity = dir.resolve(ModelPackage.PARITY);
        if (Files.isDirectory(parity, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(parity)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    files.add(ModelPackage.PARITY + "/" + p.getFileName());
                }
            }
        }
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f), LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir.resolve(f) + " is not a plain file; a package holds plain files only");
            }
        }
        return List.copyOf(files);
    }

    /** Top-level entries of {@code dir} that are not part of the package (not installed). */
    static List<String> leftOut(Path dir, List<String> files) throws IOException {
        Set<String> top = new TreeSet<>();
        files.forEach(f -> top.add(f.contains("/") ? f.substring(0, f.indexOf('/')) : f));
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !top.contains(n)).sorted().forEach(out::add);
        }
        return out;
    }

    /** Copies the files to a new folder {@code to}, fsyncing every file and folder; returns the bytes copied. */
    static long copy(Path from, List<String> files, Path to) throws IOException {
        Files.createDirectory(to);
        long bytes = 0;
        Set<Path> dirs = new TreeSet<>(List.of(to));
        for (String f : files) {
            Path target = to.resolve(f);
            if (!Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
                dirs.add(target.getParent());
            }
            Files.copy(from.resolve(f), target);
            DurableFiles.syncFile(target);
            bytes += Files.size(target);
        }
        for (Path d : dirs) {
            DurableFiles.syncDirectory(d);
        }
        return bytes;
    }

    /** SHA-256 over "path NUL sha256(file) LF" of every file in order: equal digests, equal packages. */
    static String digest(Path dir, List<String> files) throws IOException {
        MessageDigest all = sha256();
        for (String f : files) {
            all.update((f + "\0" + sha256(dir.resolve(f)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(all.digest());
    }

    /** Lower-case hex SHA-256 of a file, streamed. */
    static String sha256(Path file) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
