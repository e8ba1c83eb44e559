// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: installs the inference module's tiny test package (random weights, 4 channels in,
 * a mask and a kPa map out) under the names the process command looks for. Only the manifest's
 * name (and task) change; the model and its SHA-256 stay as committed.
 */
final class TestModels {
    static final Path TEST_PACKAGE = Path.of("../inference/src/test/resources/test-package");

    private TestModels() {
    }

    static Path install(Path models, String name) throws IOException {
        Path to = Exams.copy(TEST_PACKAGE, models.resolve(name));
        Path mf = to.resolve("manifest.json");
        String task = name.equals(DlModels.STIFFNESS) ? "stiffness-reconstruction" : "liver-segmentation";
        Files.writeString(mf, Files.readString(mf).replace("\"name\": \"test-package\"", "\"name\": \"" + name + "\"")
                .replace("\"task\": \"liver-segmentation\"", "\"task\": \"" + task + "\""));
        return to;
    }
}
