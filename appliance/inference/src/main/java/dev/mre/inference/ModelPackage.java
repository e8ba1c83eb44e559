// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model package folder {@code models/<name>/} (docs/design/model-packages.md) whose manifest was
 * read and checked and whose model.onnx has the SHA-256 the manifest states. Exists so nothing is
 * ever loaded from a package that is incomplete, malformed or changed after training:
 * {@link #open} fails with a {@link ModelPackageException} naming the file and, for a changed
 * model, both hashes; {@link #verifiedModelBytes} re-checks the bytes it hands to the runtime.
 */
public final class ModelPackage {
    public static final String MANIFEST = "manifest.json";
    public static final String MODEL_CARD = "MODEL_CARD.md";
    public static final String PARITY = "parity";

    private final Path dir;
    private final Manifest manifest;

    private ModelPackage(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Reads and validates the package in {@code dir}, including the model's SHA-256. */
    public static ModelPackage open(Path dir) throws ModelPackageException {
        if (!Files.isDirectory(dir)) {
            throw new ModelPackageException(ModelPackageException.Reason.MISSING,
                    "model package " + dir + " does not exist or is not a folder");
        }
        Path mf = dir.resolve(MANIFEST);
        String text;
        try {
            text = Files.readString(mf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelPackageException(ModelPackageException.Reason.MISSING,
                    mf + " cannot be read (" + e + "); a model package needs manifest.json", e);
        }
        Manifest m;
        try {
            m = Manifest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelPackageException(ModelPackageException.Reason.MALFORMED,
                    mf + ": " + e.getMessage() + " (contract: docs/design/model-packages.md)", e);
        }
        Path folder = dir.toAbsolutePath().normalize().getFileName();
        if (folder != null && !folder.toString().equals(m.name())) {
            throw new ModelPackageException(ModelPackageException.Reason.MALFORMED, mf + ": name \"" + m.name()
                    + "\" differs from its folder name \"" + folder + "\"; a package lives in models/<name>/");
        }
        if (!Files.isRegularFile(dir.resolve(MODEL_CARD))) {
            throw new ModelPackageException(ModelPackageException.Reason.MISSING,
                    dir.resolve(MODEL_CARD) + " is missing; every package ships its model card");
        }
        ModelPackage p = new ModelPackage(dir, m);
        p.verifiedModelBytes();
        return p;
    }

    /**
     * The package folders directly under {@code modelsRoot} (those holding a manifest.json), sorted
     * by name; empty when the folder does not exist.
     */
    public static List<Path> find(Path modelsRoot) throws IOException {
        if (!Files.isDirectory(modelsRoot)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(modelsRoot)) {
            return s.filter(d -> Files.isRegularFile(d.resolve(MANIFEST))).sorted().toList();
        }
    }

    /** The package folder. */
    public Path dir() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The ONNX file named by the manifest. */
    public Path modelFile() {
        return dir.resolve(manifest.onnx().file());
    }

    /** The parity fixture folder (it may not exist). */
    public Path parityDir() {
        return dir.resolve(PARITY);
    }

    /** "liver-seg-edge 1.0.0". */
    @Override
    public String toString() {
        return manifest.name() + " " + manifest.version();
    }

    /**
     * Reads model.onnx and returns its bytes only if their SHA-256 equals the manifest's; the runtime
     * loads exactly these bytes, so a file swapped after {@link #open} is caught too.
     */
    public byte[] verifiedModelBytes() throws ModelPackageException {
        Path f = modelFile();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new ModelPackageException(ModelPackageException.Reason.MISSING,
                    f + " cannot be read (" + e + "); install the package's model file", e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(manifest.onnx().sha256())) {
            throw new ModelPackageException(ModelPackageException.Reason.TAMPERED, f + " has SHA-256 " + actual
                    + " but " + dir.resolve(MANIFEST) + " states " + manifest.onnx().sha256()
                    + ": the model was changed or corrupted after packaging; nothing was loaded."
                    + " Reinstall the package");
        }
        return bytes;
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
