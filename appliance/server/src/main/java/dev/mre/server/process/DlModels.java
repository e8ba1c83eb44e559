// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.inference.Backends;
import dev.mre.inference.Manifest;
import dev.mre.inference.Model;
import dev.mre.inference.ModelPackage;
import dev.mre.inference.ModelPackageException;
import dev.mre.inference.OnnxRuntimeModel;
import dev.mre.inference.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deep-learning models the {@code process} command uses, loaded once per run from a models
 * folder: {@value #LIVER} (liver mask: its first mask output) and {@value #STIFFNESS} (stiffness
 * map: its first map output in kPa). A package that is not installed (no folder, or no model.onnx
 * beside its manifest) is absent, which is reported, not an error; a package that is there but
 * malformed, changed (SHA-256) or incompatible is a {@link ModelPackageException}: the appliance's
 * installation is broken and the operator must reinstall (exit 78, docs/inference.md).
 */
public final class DlModels implements AutoCloseable {
    public static final String LIVER = "liver-seg-edge";
    public static final String STIFFNESS = "stiffness-unet";

    /** A model that is not used, and why. */
    public record Absent(String name, String reason) {
    }

    private final Path dir;
    private final Map<String, Model> loaded;
    private final List<Absent> absent;
    private final Backends.Report backend;

    private DlModels(Path dir, Map<String, Model> loaded, List<Absent> absent, Backends.Report backend) {
        this.dir = dir;
        this.loaded = loaded;
        this.absent = List.copyOf(absent);
        this.backend = backend;
    }

    /** Loads every known package installed under {@code dir}; closes what it loaded if one fails. */
    public static DlModels load(Path dir, RuntimeOptions options) throws ModelPackageException {
        return load(dir, options, List.of(LIVER, STIFFNESS));
    }

    /**
     * Loads the named packages that are installed under {@code dir}, with the same rules (absent
     * is reported, broken is an error); {@value #STIFFNESS} must have a kPa map output, every other
     * package a mask output. The evaluation uses it for the ROI models too.
     */
    public static DlModels load(Path dir, RuntimeOptions options, List<String> names) throws ModelPackageException {
        Map<String, Model> loaded = new LinkedHashMap<>();
        List<Absent> absent = new ArrayList<>();
        try {
            for (String name : names) {
                Path p = dir.resolve(name);
                if (!Files.isDirectory(p)) {
                    absent.add(new Absent(name, "not installed (no folder " + p + ")"));
                    continue;
                }
                ModelPackage pkg;
                try {
                    pkg = ModelPackage.open(p);
                } catch (ModelPackageException e) {
                    if (e.reason() == ModelPackageException.Reason.MISSING && Files.isRegularFile(p.resolve("manifest.json"))
                            && !hasModelFile(p)) {
                        absent.add(new Absent(name, "model file not installed in " + p + " (" + e.getMessage() + ")"));
                        continue;
                    }
                    throw e;
                }
                requireOutput(pkg, name.equals(STIFFNESS) ? "map" : "mask");
                loaded.put(name, OnnxRuntimeModel.load(pkg, options));
            }
        } catch (ModelPackageException | RuntimeException e) {
            loaded.values().forEach(Model::close);
            throw e;
        }
        return new DlModels(dir, loaded, absent, loaded.isEmpty() ? null : Backends.report(options));
    }

    private static boolean hasModelFile(Path p) {
        try {
            return Files.isRegularFile(p.resolve(Manifest.parse(Files.readString(p.resolve("manifest.json"))).onnx().file()));
        } catch (Exception e) {
            return true;                                  // not a plain missing model: let open() report it
        }
    }

    private static void requireOutput(ModelPackage pkg, String kind) throws ModelPackageException {
        boolean ok = pkg.manifest().output().channels().stream()
                .anyMatch(c -> c.kind().equals(kind) && (kind.equals("mask") || c.units().equals("kPa")));
        if (!ok) {
            throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE, pkg.dir().resolve("manifest.json")
                    + ": " + pkg.manifest().name() + " has no " + (kind.equals("mask") ? "mask output" : "map output in kPa")
                    + "; the appliance takes its " + (kind.equals("mask") ? "mask" : "stiffness map") + " from it");
        }
    }

    /** The folder the packages were looked for in. */
    public Path dir() {
        return dir;
    }

    /** The loaded model of that name, or null when absent. */
    public Model model(String name) {
        return loaded.get(name);
    }

    /** Loaded models by name, in load order. */
    public Map<String, Model> loaded() {
        return Collections.unmodifiableMap(loaded);
    }

    public List<Absent> absent() {
        return absent;
    }

    /** The backend report; null when no model is loaded (the runtime was never started). */
    public Backends.Report backend() {
        return backend;
    }

    @Override
    public void close() {
        loaded.values().forEach(Model::close);
    }
}
