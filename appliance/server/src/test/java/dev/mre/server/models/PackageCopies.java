// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import dev.mre.inference.ModelPackage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helper: copies of the shipped packages in the repository's models/ (surefire runs in
 * appliance/server), changed the ways a field engineer's packages can differ, and a snapshot of a
 * folder tree to show that it did or did not change.
 */
final class PackageCopies {
    static final Path REPO_MODELS = Path.of("../../models");

    private PackageCopies() {
    }

    /**
     * Copies {@code models/<name>/} to {@code parent/<name>/}: the package's files only, not a
     * training checkpoint a developer's machine may have beside them (gitignored, never installed).
     */
    static Path copy(String name, Path parent) throws IOException {
        Path from = REPO_MODELS.resolve(name);
        Path to = parent.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("checkpoint.pt")) {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /** A second valid package: the manifest's version changed (its SHA-256 covers only the ONNX). */
    static Path withVersion(Path pkg, String version) throws IOException {
        Path mf = pkg.resolve(ModelPackage.MANIFEST);
        String text = Files.readString(mf);
        if (!text.matches("(?s).*\"version\": \"[^\"]*\".*")) {
            throw new IllegalStateException(mf + " has no version field to change");
        }
        Files.writeString(mf, text.replaceFirst("\"version\": \"[^\"]*\"", "\"version\": \"" + version + "\""));
        return pkg;
    }

    /** Flips the lowest bit of the byte in the middle of a file. */
    static void flipOneByte(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x01;
        Files.write(file, b);
    }

    /** Every file and folder under {@code root} (hidden ones too), with each file's SHA-256. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : ModelPackage.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
