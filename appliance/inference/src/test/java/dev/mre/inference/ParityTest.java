// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's parity check ({@link Parity}, docs/design/model-packages.md), for the committed test
 * package and every package under the repository's models/ that has a parity/ fixture and a
 * model.onnx: Java rebuilds input.npy from the raw arrays (max abs difference 1e-5) and ONNX Runtime
 * reproduces PyTorch's output.npy from input.npy (1e-4 relative L2). Fails, never skips, when there
 * is no fixture at all.
 */
class ParityTest {
    @TempDir
    Path dir;

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

    @Test
    void anOutputFixtureThatNoLongerMatchesTheModelIsRefusedAsParity() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        Path output = copy.resolve("parity/output.npy");
        byte[] b = Files.readAllBytes(output);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int last = b.length - 4;
        bb.putFloat(last, bb.getFloat(last) + 1000f);
        Files.write(output, b);
        ModelPackage pkg = ModelPackage.open(copy);
        assertTrue(Parity.checkInput(pkg) <= Parity.INPUT_MAX_ABS);
        try (Model m = OnnxRuntimeModel.load(pkg, RuntimeOptions.defaults())) {
            ModelPackageException e = assertThrows(ModelPackageException.class, () -> Parity.checkOutput(pkg, m));
            assertEquals(ModelPackageException.Reason.PARITY, e.reason());
            assertTrue(e.getMessage().contains("relative L2"), e.getMessage());
        }
    }

    @Test
    void aFixtureWithoutItsRawArraysIsMalformed() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        Files.delete(copy.resolve("parity/raw_magnitude.npy"));
        ModelPackage pkg = ModelPackage.open(copy);
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> Parity.checkInput(pkg));
        assertEquals(ModelPackageException.Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("raw_magnitude.npy"), e.getMessage());
    }

    private static void input(Path dir) throws Exception {
        ModelPackage pkg = ModelPackage.open(dir);
        double worst = Parity.checkInput(pkg);
        assertTrue(worst <= Parity.INPUT_MAX_ABS, pkg + ": " + worst);
    }

    private static void output(Path dir) throws Exception {
        ModelPackage pkg = ModelPackage.open(dir);
        try (Model m = OnnxRuntimeModel.load(pkg, RuntimeOptions.defaults())) {
            double rel = Parity.checkOutput(pkg, m);
            assertTrue(rel <= Parity.OUTPUT_REL_L2, pkg + ": " + rel);
        }
    }
}
