// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import dev.mre.inference.InferenceException;
import dev.mre.inference.Manifest;
import dev.mre.inference.Model;
import dev.mre.inference.ModelPackage;
import dev.mre.inference.ModelPackageException;
import dev.mre.inference.OnnxRuntimeModel;
import dev.mre.inference.Parity;
import dev.mre.inference.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The installer's full check of a package folder, short of installing it: the manifest parses and
 * keeps the contract, the package's files are there, model.onnx has the manifest's SHA-256, ONNX
 * Runtime loads it and turns a batch of the manifest's input shape into the manifest's output
 * shape, and, when the package ships a parity/ fixture, Java and ONNX Runtime reproduce it within
 * the contract's tolerances ({@link Parity}). Each passed check is reported as a line; the first
 * failed one throws, so nothing that fails here is ever installed.
 */
public final class PackageVerifier {
    private final RuntimeOptions options;

    public PackageVerifier(RuntimeOptions options) {
        this.options = options;
    }

    /** Checks {@code dir}; returns the package when every check passed. */
    public ModelPackage verify(Path dir, Consumer<String> report) throws ModelPackageException {
        ModelPackage pkg = ModelPackage.open(dir);
        Manifest m = pkg.manifest();
        report.accept(line("manifest", "parsed: " + pkg + ", task " + m.task() + ", format " + Manifest.FORMAT));
        List<String> files;
        long onnxBytes;
        try {
            files = PackageFiles.of(dir, m);
            onnxBytes = Files.size(pkg.modelFile());
        } catch (IOException e) {
            throw new ModelPackageException(ModelPackageException.Reason.MALFORMED, e.getMessage(), e);
        }
        long parity = files.stream().filter(f -> f.startsWith(ModelPackage.PARITY + "/")).count();
        report.accept(line("files", ModelPackage.MANIFEST + ", " + m.onnx().file() + " (" + onnxBytes + " bytes), "
                + ModelPackage.MODEL_CARD + (parity > 0 ? ", " + ModelPackage.PARITY + "/ (" + parity + " files)" : "")));
        report.accept(line("sha256", m.onnx().sha256() + " of " + m.onnx().file() + " matches the manifest"));
        try (Model model = OnnxRuntimeModel.load(pkg, options)) {
            report.accept(line("onnxruntime", "loaded (" + model.backend() + "), input \"" + m.onnx().inputName()
                    + "\", output \"" + m.onnx().outputName() + "\""));
            report.accept(line("shapes", shapes(pkg, model)));
            parity(pkg, model, report);
        }
        return pkg;
    }

    /** Runs one zero slice: the output must be the manifest's channels at the network size. */
    private static String shapes(ModelPackage pkg, Model model) throws ModelPackageException {
        Manifest.Input in = pkg.manifest().input();
        int c = in.channels().size();
        int k = pkg.manifest().output().channels().size();
        int hw = in.height() * in.width();
        float[][] out;
        try {
            out = model.run(new float[][] {new float[c * hw]});
        } catch (InferenceException e) {
            throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE, pkg.modelFile()
                    + ": ONNX Runtime cannot run an input of 1x" + c + "x" + in.height() + "x" + in.width()
                    + " (the manifest's input): " + e.getMessage(), e);
        }
        if (out[0].length != k * hw) {
            throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE, pkg.modelFile() + " gives "
                    + out[0].length + " output values per slice; the manifest's " + k + " output channels at "
                    + in.height() + "x" + in.width() + " are " + k * hw);
        }
        String dims = in.height() + "x" + in.width();
        return "input 1x" + c + "x" + dims + " -> output 1x" + k + "x" + dims + " as the manifest says";
    }

    private static void parity(ModelPackage pkg, Model model, Consumer<String> report) throws ModelPackageException {
        if (!Parity.hasFixture(pkg)) {
            if (Files.exists(pkg.parityDir())) {
                throw new ModelPackageException(ModelPackageException.Reason.MALFORMED, pkg.parityDir()
                        + " has no input.npy; a parity fixture needs raw_*.npy, input.npy and output.npy"
                        + " (docs/design/model-packages.md)");
            }
            report.accept(line("parity", "no parity/ fixture: not checked"));
            return;
        }
        int slices = Parity.slices(pkg.parityDir()).size();
        double in = Parity.checkInput(pkg);
        report.accept(line("parity input", String.format(Locale.ROOT,
                "Java preprocessing vs parity/input.npy, %d slices: max |diff| %.2e <= %.0e", slices, in,
                Parity.INPUT_MAX_ABS)));
        double out = Parity.checkOutput(pkg, model);
        report.accept(line("parity output", String.format(Locale.ROOT,
                "ONNX Runtime vs parity/output.npy: relative L2 %.2e <= %.0e", out, Parity.OUTPUT_REL_L2)));
    }

    private static String line(String check, String what) {
        return String.format(Locale.ROOT, "  %-14s %s", check, what);
    }
}
