// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeModelTest {
    @TempDir
    Path dir;

    private static float[][] inputs(int n, int per) {
        float[][] x = new float[n][per];
        for (int s = 0; s < n; s++) {
            for (int k = 0; k < per; k++) {
                x[s][k] = (float) Math.sin(0.01 * k + s);
            }
        }
        return x;
    }

    @Test
    void batchesOfOneAndOfFourGiveTheSameOutputs() throws Exception {
        ModelPackage p = ModelPackage.open(Packages.TEST_PACKAGE);
        float[][] x = inputs(5, 4 * 32 * 32);
        RuntimeOptions one = new RuntimeOptions(1, RuntimeOptions.Optimisation.BASIC, 1);
        try (Model a = OnnxRuntimeModel.load(p, one); Model b = OnnxRuntimeModel.load(p, RuntimeOptions.defaults())) {
            float[][] ya = a.run(x);
            float[][] yb = b.run(x);
            assertEquals(5, ya.length);
            for (int s = 0; s < 5; s++) {
                assertEquals(2 * 32 * 32, ya[s].length);
                assertArrayEquals(ya[s], yb[s], 1e-5f, "slice " + s);
            }
            assertFalse(java.util.Arrays.equals(ya[0], ya[1]), "different slices, different outputs");
        }
    }

    @Test
    void anInputOfTheWrongSizeIsRefusedNamingTheSlice() throws Exception {
        try (Model m = OnnxRuntimeModel.load(ModelPackage.open(Packages.TEST_PACKAGE), RuntimeOptions.defaults())) {
            InferenceException e = assertThrows(InferenceException.class,
                    () -> m.run(new float[][] {new float[4 * 32 * 32], new float[10]}));
            assertTrue(e.getMessage().startsWith("slice 1"), e.getMessage());
        }
    }

    @Test
    void aManifestNamingAnotherInputIsAnIncompatiblePackage() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        Path mf = copy.resolve("manifest.json");
        Files.writeString(mf, Files.readString(mf).replace("\"input_name\": \"input\"", "\"input_name\": \"x\""));
        ModelPackageException e = assertThrows(ModelPackageException.class,
                () -> OnnxRuntimeModel.load(ModelPackage.open(copy), RuntimeOptions.defaults()));
        assertEquals(ModelPackageException.Reason.INCOMPATIBLE, e.reason());
        assertTrue(e.getMessage().contains("\"x\""), e.getMessage());
    }

    @Test
    void aFileThatIsNotOnnxIsAnIncompatiblePackage() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        byte[] junk = "not a model".getBytes();
        Files.write(copy.resolve("model.onnx"), junk);
        Path mf = copy.resolve("manifest.json");
        Files.writeString(mf, Files.readString(mf).replaceFirst("\"sha256\": \"[0-9a-f]+\"",
                "\"sha256\": \"" + ModelPackage.sha256(junk) + "\""));
        ModelPackageException e = assertThrows(ModelPackageException.class,
                () -> OnnxRuntimeModel.load(ModelPackage.open(copy), RuntimeOptions.defaults()));
        assertEquals(ModelPackageException.Reason.INCOMPATIBLE, e.reason());
    }

    @Test
    void theBackendIsOnnxRuntimeOnTheCpuAndGpuBackendsAreReportedAbsent() throws Exception {
        Backends.Report r = Backends.report(RuntimeOptions.defaults());
        assertEquals("onnxruntime-cpu", r.active());
        assertTrue(r.version().matches("\\d+\\.\\d+\\.\\d+.*"), r.version());
        assertTrue(r.absent().contains("tensorrt"), r.absent().toString());
        assertEquals("onnxruntime-cpu " + r.version() + ", 2 threads", r.describe());
        try (Model m = OnnxRuntimeModel.load(ModelPackage.open(Packages.TEST_PACKAGE), RuntimeOptions.defaults())) {
            assertEquals(r.describe(), m.backend());
        }
    }

    @Test
    void thePredictorGivesMasksAndMapsAtTheSourceSize() throws Exception {
        List<SliceInput> slices = Parity.slices(Packages.TEST_PACKAGE.resolve("parity"));
        try (Model m = OnnxRuntimeModel.load(ModelPackage.open(Packages.TEST_PACKAGE), RuntimeOptions.defaults())) {
            List<SliceOutput> out = new Predictor(m).predict(slices);
            assertEquals(slices.size(), out.size());
            for (SliceOutput o : out) {
                assertEquals(40 * 28, o.masks().get("liver").length);
                assertEquals(40 * 28, o.maps().get("stiffness").length);
                assertTrue(o.count("liver") > 0 && o.count("liver") < 40 * 28, "a non-trivial mask: " + o.count("liver"));
            }
        }
    }
}
