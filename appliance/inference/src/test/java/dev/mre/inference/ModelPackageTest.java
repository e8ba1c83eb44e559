// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {
    @TempDir
    Path dir;

    @Test
    void theTestPackageOpensAndItsHashMatches() throws Exception {
        ModelPackage p = ModelPackage.open(Packages.TEST_PACKAGE);
        assertEquals("test-package 0.0.1", p.toString());
        assertEquals(p.manifest().onnx().sha256(), ModelPackage.sha256(Files.readAllBytes(p.modelFile())));
    }

    @Test
    void oneFlippedByteOfModelOnnxIsRefusedNamingTheFileAndBothHashes() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        Path model = copy.resolve("model.onnx");
        byte[] b = Files.readAllBytes(model);
        String stated = ModelPackage.sha256(b);
        b[b.length / 2] ^= 0x01;
        Files.write(model, b);
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(copy));
        assertEquals(ModelPackageException.Reason.TAMPERED, e.reason());
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(stated), e.getMessage());
        assertTrue(e.getMessage().contains(ModelPackage.sha256(b)), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was loaded"), e.getMessage());
    }

    @Test
    void aModelSwappedAfterOpeningIsRefusedWhenLoading() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        ModelPackage p = ModelPackage.open(copy);
        Files.write(copy.resolve("model.onnx"), new byte[] {1, 2, 3});
        ModelPackageException e = assertThrows(ModelPackageException.class,
                () -> OnnxRuntimeModel.load(p, RuntimeOptions.defaults()));
        assertEquals(ModelPackageException.Reason.TAMPERED, e.reason());
    }

    @Test
    void missingPiecesAreNamed() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        Files.delete(copy.resolve("MODEL_CARD.md"));
        ModelPackageException card = assertThrows(ModelPackageException.class, () -> ModelPackage.open(copy));
        assertEquals(ModelPackageException.Reason.MISSING, card.reason());
        assertTrue(card.getMessage().contains("MODEL_CARD.md"), card.getMessage());
        Files.writeString(copy.resolve("MODEL_CARD.md"), "# card\n");
        Files.delete(copy.resolve("model.onnx"));
        ModelPackageException model = assertThrows(ModelPackageException.class, () -> ModelPackage.open(copy));
        assertEquals(ModelPackageException.Reason.MISSING, model.reason());
        assertTrue(model.getMessage().contains("model.onnx"), model.getMessage());
        ModelPackageException none = assertThrows(ModelPackageException.class,
                () -> ModelPackage.open(dir.resolve("nothing")));
        assertEquals(ModelPackageException.Reason.MISSING, none.reason());
    }

    @Test
    void aMalformedManifestIsRefusedNamingTheFileAndTheField() throws Exception {
        Path copy = Packages.copy(dir, "test-package");
        Path mf = copy.resolve("manifest.json");
        Files.writeString(mf, Files.readString(mf).replace("\"bilinear\",\n    \"channels\"", "\"bicubic\",\n    \"channels\""));
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(copy));
        assertEquals(ModelPackageException.Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith(mf.toString()) && e.getMessage().contains("input.resize"), e.getMessage());
    }

    @Test
    void aPackageInAFolderOfAnotherNameIsRefused() throws Exception {
        Path copy = Packages.copy(dir, "liver-seg-edge");
        ModelPackageException e = assertThrows(ModelPackageException.class, () -> ModelPackage.open(copy));
        assertEquals(ModelPackageException.Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().contains("differs from its folder name"), e.getMessage());
    }

    @Test
    void findListsOnlyFoldersWithAManifest() throws Exception {
        Packages.copy(dir, "test-package");
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(List.of(dir.resolve("test-package")), ModelPackage.find(dir));
        assertEquals(List.of(), ModelPackage.find(dir.resolve("absent")));
    }
}
