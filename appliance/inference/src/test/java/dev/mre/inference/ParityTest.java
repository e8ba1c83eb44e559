// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract's parity check (docs/design/model-packages.md), for the committed test package and
 * every package under the repository's models/ that has a parity/ fixture and a model.onnx: Java
 * rebuilds input.npy from the raw arrays (max abs difference 1e-5: float32 rounding of two
 * independent float64 normalisations, then the same float32 resize) and ONNX Runtime reproduces
 * PyTorch's output.npy from input.npy within 1e-4 relative L2 (kernel and summation order
 * differences between the two runtimes). Fails, never skips, when there is no fixture at all.
 */
class ParityTest {
    static List<Path> packagesWithFixtures() throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> all = new ArrayList<>(List.of(Packages.TEST_PACKAGE));
        all.addAll(ModelPackage.find(Packages.REPO_MODELS));
        for (Path p : all) {
            if (Files.isRegularFile(p.resolve("parity/input.npy")) && Files.isRegularFile(p.resolve("model.onnx"))) {
                out.add(p);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyPackageWithAFixtureReproducesPyTorch() throws IOException {
        List<Path> packages = packagesWithFixtures();
        assertFalse(packages.isEmpty(), "no model package with a parity fixture (test package or models/*/parity)");
        return packages.stream().flatMap(p -> Stream.of(
                DynamicTest.dynamicTest(p.getFileName() + ": preprocessing reproduces input.npy", () -> input(p)),
                DynamicTest.dynamicTest(p.getFileName() + ": ONNX Runtime reproduces output.npy", () -> output(p))));
    }

    /** The raw arrays of a fixture as slices. */
    static List<SliceInput> slices(Path parity) throws IOException {
        NpyArray mag = NpyArray.read(parity.resolve("raw_magnitude.npy"));
        NpyArray ph = NpyArray.read(parity.resolve("raw_phase_rad.npy"));
        Path elPath = parity.resolve("raw_elastogram_kpa.npy");
        NpyArray el = Files.exists(elPath) ? NpyArray.read(elPath) : null;
        int s = mag.shape()[0];
        int o = mag.shape()[1];
        int h = mag.shape()[2];
        int w = mag.shape()[3];
        assertEquals(s, ph.shape()[0]);
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
            out.add(new SliceInput(m, p, e, h, w));
        }
        return out;
    }

    private static void input(Path dir) throws Exception {
        ModelPackage pkg = ModelPackage.open(dir);
        NpyArray expected = NpyArray.read(pkg.parityDir().resolve("input.npy"));
        List<SliceInput> slices = slices(pkg.parityDir());
        Manifest.Input spec = pkg.manifest().input();
        assertArrayEquals(new int[] {slices.size(), spec.channels().size(), spec.height(), spec.width()},
                expected.shape());
        Preprocessor pre = new Preprocessor(spec);
        int per = spec.channels().size() * spec.height() * spec.width();
        double worst = 0;
        for (int s = 0; s < slices.size(); s++) {
            float[] actual = pre.apply(slices.get(s));
            for (int k = 0; k < per; k++) {
                worst = Math.max(worst, Math.abs(actual[k] - expected.floats()[s * per + k]));
            }
        }
        assertTrue(worst <= 1e-5, pkg + ": max |Java - PyTorch| input difference " + worst + " > 1e-5");
    }

    private static void output(Path dir) throws Exception {
        ModelPackage pkg = ModelPackage.open(dir);
        NpyArray in = NpyArray.read(pkg.parityDir().resolve("input.npy"));
        NpyArray expected = NpyArray.read(pkg.parityDir().resolve("output.npy"));
        int s = in.shape()[0];
        int per = in.size() / s;
        float[][] batch = new float[s][];
        for (int i = 0; i < s; i++) {
            batch[i] = Arrays.copyOfRange(in.floats(), i * per, (i + 1) * per);
        }
        try (Model m = OnnxRuntimeModel.load(pkg, RuntimeOptions.defaults())) {
            float[][] out = m.run(batch);
            int k = expected.size() / s;
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < s; i++) {
                assertEquals(k, out[i].length, "output values per slice");
                for (int j = 0; j < k; j++) {
                    double e = expected.floats()[i * k + j];
                    diff += (out[i][j] - e) * (out[i][j] - e);
                    norm += e * e;
                }
            }
            double rel = Math.sqrt(diff) / Math.max(Math.sqrt(norm), 1e-30);
            assertTrue(rel <= 1e-4, pkg + ": relative L2 of ONNX Runtime vs PyTorch output " + rel + " > 1e-4");
        }
    }
}
