// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import static dev.mre.server.models.PackageCopies.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.inference.ModelPackage;
import dev.mre.inference.ModelPackageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models folder's switch, crash recovery and kept versions, on copies of the shipped
 * liver-seg-edge package; the check before a switch is ModelPackage.open here (manifest, files,
 * SHA-256), ONNX Runtime is exercised by ModelsCommandTest.
 */
class ModelsFolderTest {
    private static final String LIVER = "liver-seg-edge";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path version(String v) throws Exception {
        return PackageCopies.withVersion(PackageCopies.copy(LIVER, dir.resolve("src-" + v)), v);
    }

    @Test
    void onlyTheNewestKeepVersionsAreKeptNewestFirst() throws Exception {
        ModelsFolder f = new ModelsFolder(dir.resolve("models"), CLOCK);
        for (String v : List.of("1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4")) {
            f.install(ModelPackage.open(version(v)), false, 3);
        }
        assertEquals(List.of("1.0.3", "1.0.2", "1.0.1"), f.kept(LIVER).stream().map(Installed.Kept::version).toList());
        List<Instant> replaced = f.kept(LIVER).stream().map(Installed.Kept::replaced).toList();
        assertTrue(replaced.get(0).isAfter(replaced.get(1)) && replaced.get(1).isAfter(replaced.get(2)),
                "distinct stamps even with a stopped clock: " + replaced);
        f.install(ModelPackage.open(version("1.0.5")), false, 0);
        assertEquals(List.of(), f.kept(LIVER));
    }

    @Test
    void aSwitchInterruptedBetweenItsTwoRenamesIsCompletedByRecover() throws Exception {
        Path models = dir.resolve("models");
        ModelsFolder f = new ModelsFolder(models, CLOCK);
        f.install(ModelPackage.open(version("1.0.0")), false, 3);
        Path next = version("2.0.0");
        // the state a crash after "active -> .previous" and before "staged -> active" leaves behind
        Path staging = models.resolve(ModelsFolder.STAGING + LIVER + "-20261122T100001.000Z");
        Files.createDirectories(staging);
        PackageFiles.copy(next, PackageFiles.of(next, ModelPackage.open(next).manifest()), staging.resolve(LIVER));
        Files.writeString(staging.resolve(ModelsFolder.READY), LIVER + "\n", StandardCharsets.UTF_8);
        Files.createDirectories(models.resolve(ModelsFolder.PREVIOUS).resolve(LIVER));
        Files.move(models.resolve(LIVER), models.resolve(ModelsFolder.PREVIOUS).resolve(LIVER)
                .resolve("1.0.0-20261122T100001.000Z"));
        assertTrue(f.hasLeftovers());
        List<String> done = f.recover();
        assertTrue(done.get(0).contains("completed an interrupted switch: liver-seg-edge 2.0.0"), done.toString());
        assertEquals(snapshot(next), snapshot(models.resolve(LIVER)));
        assertFalse(Files.exists(staging));
        assertEquals(List.of("1.0.0"), f.kept(LIVER).stream().map(Installed.Kept::version).toList());
    }

    @Test
    void theApplianceFinishesAnInterruptedSwitchBeforeItLoadsTheModels() throws Exception {
        Path models = dir.resolve("models");
        Path next = version("2.0.0");
        Path staging = models.resolve(ModelsFolder.STAGING + LIVER + "-20261122T100001.000Z");
        Files.createDirectories(staging);
        PackageFiles.copy(next, PackageFiles.of(next, ModelPackage.open(next).manifest()), staging.resolve(LIVER));
        Files.writeString(staging.resolve(ModelsFolder.READY), LIVER + "\n", StandardCharsets.UTF_8);
        assertFalse(Files.exists(models.resolve(LIVER)), "cut off between the renames: nothing active");
        dev.mre.server.config.AppConfig config = dev.mre.server.config.ConfigLoader.load(null,
                new io.vertx.core.json.JsonObject().put("models", new io.vertx.core.json.JsonObject()
                        .put("dir", models.toString())));
        dev.mre.server.pipeline.StandardAnalysis.create(config);
        assertEquals(snapshot(next), snapshot(models.resolve(LIVER)));
        assertFalse(Files.exists(staging));
    }

    @Test
    void aStagedCopyWithoutReadyIsDiscardedAndTheActivePackageStays() throws Exception {
        Path models = dir.resolve("models");
        ModelsFolder f = new ModelsFolder(models, CLOCK);
        f.install(ModelPackage.open(version("1.0.0")), false, 3);
        Map<String, String> active = snapshot(models.resolve(LIVER));
        Path staging = models.resolve(ModelsFolder.STAGING + LIVER + "-20261122T100001.000Z");
        Files.createDirectories(staging.resolve(LIVER));
        Files.write(staging.resolve(LIVER).resolve("model.onnx"), new byte[10]);
        f.recover();
        assertFalse(Files.exists(staging));
        assertEquals(active, snapshot(models.resolve(LIVER)));
    }

    @Test
    void aBrokenKeptVersionIsRefusedOnRollbackAndNothingChanges() throws Exception {
        Path models = dir.resolve("models");
        ModelsFolder f = new ModelsFolder(models, CLOCK);
        f.install(ModelPackage.open(version("1.0.0")), false, 3);
        f.install(ModelPackage.open(version("1.1.0")), false, 3);
        PackageCopies.flipOneByte(f.kept(LIVER).get(0).dir().resolve("model.onnx"));
        Map<String, String> before = snapshot(models);
        ModelPackageException e = assertThrows(ModelPackageException.class,
                () -> f.rollback(LIVER, 3, ModelPackage::open));
        assertEquals(ModelPackageException.Reason.TAMPERED, e.reason());
        assertTrue(e.getMessage().startsWith("kept version ") && e.getMessage().contains("Delete that folder"),
                e.getMessage());
        assertEquals(before, snapshot(models));
    }

    @Test
    void aSecondCommandCannotTakeTheLockWhileTheFirstHoldsIt() throws Exception {
        ModelsFolder f = new ModelsFolder(dir.resolve("models"), CLOCK);
        try (var lock = f.lock()) {
            ModelsException e = assertThrows(ModelsException.class, () -> new ModelsFolder(f.dir()).lock());
            assertEquals(ModelsException.Reason.BUSY, e.reason());
        }
        f.lock().close();
    }
}
