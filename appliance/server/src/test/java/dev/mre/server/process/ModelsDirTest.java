// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsDirTest {
    @TempDir
    Path dir;

    @Test
    void theOptionWins() {
        assertEquals(Path.of("/srv/models"), ModelsDir.resolve("/srv/models"));
    }

    @Test
    void theNearestModelsFolderAboveTheCodeIsFound() throws Exception {
        Path jarDir = Files.createDirectories(dir.resolve("repo/appliance/target"));
        assertNull(ModelsDir.search(jarDir));
        Files.createDirectories(dir.resolve("repo/models"));
        assertEquals(dir.resolve("repo/models"), ModelsDir.search(jarDir), "appliance/target/x.jar -> repo/models");
        Files.createDirectories(jarDir.resolve("models"));
        assertEquals(jarDir.resolve("models"), ModelsDir.search(jarDir), "installed beside the jar wins");
    }

    @Test
    void theSearchStopsFourFoldersUp() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        assertEquals(dir.resolve("models"), ModelsDir.search(dir.resolve("a/b/c/d")));
        assertNull(ModelsDir.search(dir.resolve("a/b/c/d/e")));
    }
}
