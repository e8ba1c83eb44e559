// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contract's parity check (docs/design/model-packages.md, "parity/ fixture"): Java rebuilds
 * {@code input.npy} from the fixture's raw arrays within {@value #INPUT_MAX_ABS} max abs difference
 * (float32 rounding of two independent float64 normalisations, then the same float32 resize), and
 * ONNX Runtime reproduces PyTorch's {@code output.npy} from {@code input.npy} within
 * {@value #OUTPUT_REL_L2} relative L2 (kernel and summation order differences between the two
 * runtimes). Exists in main code so the parity test and the model installer hold a package to the
 * same rule; a package that fails is refused with {@link ModelPackageException.Reason#PARITY}.
 */
public final class Parity {
    /** Largest |Java - PyTorch| difference allowed between preprocessed inputs. */
    public static final double INPUT_MAX_ABS = 1e-5;
    /** Largest relative L2 difference allowed between ONNX Runtime's and PyTorch's raw outputs. */
    public static final double OUTPUT_REL_L2 = 1e-4;

    private static final String INPUT = "input.npy";
    private static final String OUTPUT = "output.npy";

    private Parity() {
    }

    /** Whether the package ships a fixture ({@code parity/input.npy}); the check needs one. */
    public static boolean hasFixture(ModelPackage pkg) {
        return Files.isRegularFile(pkg.parityDir().resolve(INPUT));
    }

    /**
     * Preprocesses the fixture's raw slices as the manifest says and compares with input.npy.
     *
     * @return the max abs difference, at most {@value #INPUT_MAX_ABS}
     * @throws ModelPackageException PARITY beyond the tolerance, MALFORMED for a fixture that does
     *                               not fit the manifest or cannot be read
     */
    public static double checkInput(ModelPackage pkg) throws ModelPackageException {
        Path dir = pkg.parityDir();
        NpyArray expected = read(dir.resolve(INPUT));
        List<SliceInput> slices = slices(dir);
        Manifest.Input spec = pkg.manifest().input();
        int[] shape = {slices.size(), spec.channels().size(), spec.height(), spec.width()};
        if (!Arrays.equals(shape, expected.shape())) {
            throw malformed(dir.resolve(INPUT), "has shape " + Arrays.toString(expected.shape()) + "; the raw arrays and"
                    + " the manifest give " + Arrays.toString(shape));
        }
        Preprocessor pre = new Preprocessor(spec);
        int per = shape[1] * shape[2] * shape[3];
        double worst = 0;
        for (int s = 0; s < slices.size(); s++) {
            float[] actual;
            try {
                actual = pre.apply(slices.get(s));
            } catch (InferenceException e) {
                throw malformed(dir, "slice " + s + " cannot be preprocessed: " + e.getMessage());
            }
            for (int k = 0; k < per; k++) {
                worst = Math.max(worst, Math.abs(actual[k] - expected.floats()[s * per + k]));
            }
        }
        if (!(worst <= INPUT_MAX_ABS)) {
            throw new ModelPackageException(ModelPackageException.Reason.PARITY, pkg + ": Java preprocessing differs"
                    + " from " + dir.resolve(INPUT) + " by up to " + worst + " (> " + INPUT_MAX_ABS + "); the manifest's"
                    + " input spec does not describe how the model was trained");
        }
        return worst;
    }

    /**
     * Runs input.npy through {@code model} and compares with output.npy.
     *
     * @return the relative L2 difference, at most {@value #OUTPUT_REL_L2}
     * @throws ModelPackageException PARITY beyond the tolerance or a wrong output size, MALFORMED
     *                               for an unreadable fixture
     */
    public static double checkOutput(ModelPackage pkg, Model model) throws ModelPackageException {
        Path dir = pkg.parityDir();
        NpyArray in = read(dir.resolve(INPUT));
        NpyArray expected = read(dir.resolve(OUTPUT));
        int s = in.shape()[0];
        int per = in.size() / s;
        float[][] batch = new float[s][];
        for (int i = 0; i < s; i++) {
            batch[i] = Arrays.copyOfRange(in.floats(), i * per, (i + 1) * per);
        }
        float[][] out;
        try {
            out = model.run(batch);
        } catch (InferenceException e) {
            throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE, pkg + ": ONNX Runtime cannot"
                    + " run " + dir.resolve(INPUT) + ": " + e.getMessage(), e);
        }
        int k = expected.size() / s;
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < s; i++) {
            if (out[i].length != k) {
                throw new ModelPackageException(ModelPackageException.Reason.PARITY, pkg + ": the model gives "
                        + out[i].length + " output values per slice, " + dir.resolve(OUTPUT) + " has " + k);
            }
            for (int j = 0; j < k; j++) {
                double e = expected.floats()[i * k + j];
                diff += (out[i][j] - e) * (out[i][j] - e);
                norm += e * e;
            }
        }
        double rel = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-30);
        if (!(rel <= OUTPUT_REL_L2)) {
            throw new ModelPackageException(ModelPackageException.Reason.PARITY, pkg + ": ONNX Runtime's output"
                    + " differs from " + dir.resolve(OUTPUT) + " by relative L2 " + rel + " (> " + OUTPUT_REL_L2
                    + "); model.onnx is not the network the fixture was made with");
        }
        return rel;
    }

    /** The fixture's raw arrays as slices (raw_elastogram_kpa.npy is optional). */
    public static List<SliceInput> slices(Path parity) throws ModelPackageException {
        NpyArray mag = read(parity.resolve("raw_magnitude.npy"));
        NpyArray ph = read(parity.resolve("raw_phase_rad.npy"));
        Path elPath = parity.resolve("raw_elastogram_kpa.npy");
        NpyArray el = Files.exists(elPath) ? read(elPath) : null;
        if (mag.shape().length != 4 || ph.shape().length != 4 || ph.shape()[0] != mag.shape()[0]) {
            throw malformed(parity, "raw_magnitude.npy " + Arrays.toString(mag.shape()) + " and raw_phase_rad.npy "
                    + Arrays.toString(ph.shape()) + " must both be (S, O, H, W) with the same S");
        }
        int s = mag.shape()[0];
        int o = mag.shape()[1];
        int h = mag.shape()[2];
        int w = mag.shape()[3];
        int n = h * w;
        List<SliceInput> out = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            float[][] m = new float[o][];
            float[][] p = new float[ph.shape()[1]][];
            for (int k = 0; k < o; k++) {
                m[k] = Arrays.copyOfRange(mag.floats(), (i * o + k) * n, (i * o + k + 1) * n);
            }
            for (int k = 0; k < p.length; k++) {
                p[k] = Arrays.copyOfRange(ph.floats(), (i * p.length + k) * n, (i * p.length + k + 1) * n);
            }
            float[] e = el == null ? null : Arrays.copyOfRange(el.floats(), i * n, (i + 1) * n);
            try {
                out.add(new SliceInput(m, p, e, h, w));
            } catch (IllegalArgumentException ex) {
                throw malformed(parity, "slice " + i + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static NpyArray read(Path file) throws ModelPackageException {
        NpyArray a;
        try {
            a = NpyArray.read(file);
        } catch (IOException e) {
            throw malformed(file, "cannot be read as a parity array (" + e.getMessage() + ")");
        }
        if (a.floats() == null || a.shape().length == 0 || a.shape()[0] < 1) {
            throw malformed(file, "must be a float32 array with at least one slice");
        }
        return a;
    }

    private static ModelPackageException malformed(Path where, String what) {
        return new ModelPackageException(ModelPackageException.Reason.MALFORMED, where + ": " + what
                + " (parity fixture format: docs/design/model-packages.md)");
    }
}
