// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import static dev.mre.server.models.PackageCopies.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.inference.Manifest;
import dev.mre.server.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models list|verify|install|rollback} through Main.run, on copies of the shipped
 * liver-seg-edge package (1.6 MB, real ONNX Runtime and its real parity fixture) in temporary
 * models folders.
 */
class ModelsCommandTest {
    private static final String LIVER = "liver-seg-edge";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run models(Object... argv) {
        String[] a = Stream.concat(Stream.of("models"), Stream.of(argv).map(String::valueOf)).toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(a, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String sha(Path pkg) throws Exception {
        return Manifest.parse(Files.readString(pkg.resolve("manifest.json"))).onnx().sha256();
    }

    private static String version(Path pkg) throws Exception {
        return Manifest.parse(Files.readString(pkg.resolve("manifest.json"))).version();
    }

    @Test
    void verifyOfAShippedPackagePrintsEveryCheckAndChangesNothing() throws Exception {
        Path shipped = PackageCopies.REPO_MODELS.resolve(LIVER);
        Map<String, String> before = snapshot(shipped);
        Run r = models("verify", shipped);
        assertEquals(0, r.exit(), r.err());
        for (String check : List.of("manifest", "files", "sha256", "onnxruntime", "shapes", "parity input",
                "parity output", "ok: liver-seg-edge 1.0.0 (sha256 " + sha(shipped) + ")")) {
            assertTrue(r.out().contains(check), check + " missing in:\n" + r.out());
        }
        assertEquals(before, snapshot(shipped));
    }

    @Test
    void installIntoAnEmptyFolderCopiesThePackageAndSaysToRestartServe() throws Exception {
        Path src = PackageCopies.copy(LIVER, dir.resolve("src"));
        Path m = dir.resolve("models");
        Run r = models("install", src, "--models", m);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("installed liver-seg-edge 1.0.0 (sha256 " + sha(src) + ") (no previous version)"),
                r.out());
        assertTrue(r.out().contains("systemctl restart mre-appliance"), r.out());
        assertEquals(snapshot(src), snapshot(m.resolve(LIVER)));
        assertFalse(Files.exists(m.resolve(ModelsFolder.PREVIOUS)));
        try (Stream<Path> s = Files.list(m)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(ModelsFolder.STAGING)));
        }
        Run list = models("list", "--models", m);
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().matches("(?s).*liver-seg-edge +1\\.0\\.0 +liver-segmentation +1\\.57 +ok +pipeline +-.*"),
                list.out());
    }

    @Test
    void aNewerVersionIsKeptBesideTheOldAndRollbackRestoresTheOldByteForByte() throws Exception {
        Path m = dir.resolve("models");
        Path v1 = PackageCopies.copy(LIVER, dir.resolve("v1"));
        Path v2 = PackageCopies.withVersion(PackageCopies.copy(LIVER, dir.resolve("v2")), "1.1.0");
        assertEquals(0, models("install", v1, "--models", m).exit());
        Map<String, String> old = snapshot(m.resolve(LIVER));
        Run up = models("install", v2, "--models", m);
        assertEquals(0, up.exit(), up.err());
        assertTrue(up.out().contains("installed liver-seg-edge 1.1.0 (sha256 " + sha(v2) + "), replacing 1.0.0"),
                up.out());
        assertEquals("1.1.0", version(m.resolve(LIVER)));
        List<Path> kept = kept(m);
        assertEquals(1, kept.size());
        assertTrue(kept.get(0).getFileName().toString().matches("1\\.0\\.0-\\d{8}T\\d{6}\\.\\d{3}Z"), kept.toString());
        assertEquals(old, snapshot(kept.get(0)));
        Run list = models("list", "--models", m);
        assertTrue(list.out().matches("(?s).*liver-seg-edge +1\\.1\\.0 .* ok +pipeline +1\\.0\\.0 \\(replaced .*"),
                list.out());

        Run back = models("rollback", LIVER, "--models", m);
        assertEquals(0, back.exit(), back.err());
        assertTrue(back.out().contains("rolled back liver-seg-edge to 1.0.0 (sha256 " + sha(v1) + "), replacing 1.1.0"),
                back.out());
        assertTrue(back.out().contains("parity output"), "the kept version is verified first:\n" + back.out());
        assertEquals(old, snapshot(m.resolve(LIVER)));
        assertEquals(List.of("1.1.0"), kept(m).stream().map(p -> p.getFileName().toString().split("-")[0]).toList());

        Run undo = models("rollback", LIVER, "--models", m);
        assertEquals(0, undo.exit(), undo.err());
        assertEquals("1.1.0", version(m.resolve(LIVER)));
        assertEquals(List.of("1.0.0"), kept(m).stream().map(p -> p.getFileName().toString().split("-")[0]).toList());
        assertEquals(4, Files.readAllLines(m.resolve(ModelsFolder.HISTORY)).size());
    }

    @Test
    void aTamperedOnnxIsRefusedByVerifyAndInstallAndLeavesTheFolderUnchanged() throws Exception {
        Path m = dir.resolve("models");
        assertEquals(0, models("install", PackageCopies.copy(LIVER, dir.resolve("good")), "--models", m).exit());
        Map<String, String> before = snapshot(m);
        Path bad = PackageCopies.copy(LIVER, dir.resolve("bad"));
        PackageCopies.flipOneByte(bad.resolve("model.onnx"));
        Run verify = models("verify", bad);
        assertEquals(78, verify.exit());
        assertTrue(verify.err().contains("has SHA-256") && verify.err().contains("refused"), verify.err());
        Run install = models("install", bad, "--models", m, "--force");
        assertEquals(78, install.exit());
        assertTrue(install.err().contains("nothing was changed"), install.err());
        assertEquals(before, snapshot(m));
    }

    @Test
    void aPackageWhoseParityFixtureNoLongerMatchesItsOnnxIsRefused() throws Exception {
        Path src = PackageCopies.copy(LIVER, dir.resolve("src"));
        Path other = PackageCopies.REPO_MODELS.resolve("roi-seg-edge/model.onnx");
        Files.copy(other, src.resolve("model.onnx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path mf = src.resolve("manifest.json");
        Files.writeString(mf, Files.readString(mf).replace(sha(src), sha(other.getParent())));
        Run verify = models("verify", src);
        assertEquals(78, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("sha256") && verify.err().contains("relative L2"), verify.err());
        Path m = dir.resolve("models");
        assertEquals(78, models("install", src, "--models", m).exit());
        assertEquals(Map.of(), snapshot(m));
    }

    @Test
    void theSameVersionInstalledTwiceIsANoOpAndWithOtherContentNeedsForce() throws Exception {
        Path m = dir.resolve("models");
        Path src = PackageCopies.copy(LIVER, dir.resolve("src"));
        assertEquals(0, models("install", src, "--models", m).exit());
        Run again = models("install", src, "--models", m);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("unchanged liver-seg-edge 1.0.0"), again.out());
        Files.writeString(src.resolve("MODEL_CARD.md"), "\nEdited on site.\n", java.nio.file.StandardOpenOption.APPEND);
        Map<String, String> before = snapshot(m);
        Run refused = models("install", src, "--models", m);
        assertEquals(78, refused.exit());
        assertTrue(refused.err().contains("--force"), refused.err());
        assertEquals(before, snapshot(m));
        Run forced = models("install", src, "--models", m, "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals(snapshot(src), snapshot(m.resolve(LIVER)));
        assertEquals(1, kept(m).size());
    }

    @Test
    void aLeftoverStagingFolderIsCleanedByTheNextModelsCommand() throws Exception {
        Path m = dir.resolve("models");
        Path staging = m.resolve(ModelsFolder.STAGING + LIVER + "-20261122T101010.000Z");
        Files.createDirectories(staging.resolve(LIVER));
        Files.write(staging.resolve(LIVER).resolve("model.onnx"), new byte[1000]);   // a half-copied package
        Run list = models("list", "--models", m);
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("removed leftover staging folder " + staging), list.out());
        assertTrue(list.out().contains("(no model packages)"), list.out());
        assertFalse(Files.exists(staging));
    }

    @Test
    void wrongUsageAndMissingInputsHaveTheirExitCodes() {
        Path m = dir.resolve("models");
        assertEquals(64, models().exit());
        assertEquals(64, models("upgrade", "x").exit());
        assertEquals(64, models("install").exit());
        assertEquals(64, models("list", "--keep", "-1").exit());
        assertEquals(66, models("verify", dir.resolve("absent")).exit());
        assertEquals(66, models("install", dir.resolve("absent"), "--models", m).exit());
        assertEquals(66, models("list", "--models", m).exit());
        m.toFile().mkdirs();
        Run none = models("rollback", LIVER, "--models", m);
        assertEquals(66, none.exit());
        assertTrue(none.err().contains("nothing to roll back to"), none.err());
    }

    private static List<Path> kept(Path models) throws Exception {
        try (Stream<Path> s = Files.list(models.resolve(ModelsFolder.PREVIOUS).resolve(LIVER))) {
            return s.sorted().toList();
        }
    }
}
