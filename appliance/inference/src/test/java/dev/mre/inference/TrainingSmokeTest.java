// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The offline training code (models/training, PyTorch from Debian) still trains: its smoke test
 * runs every architecture for a few steps and exits 0 only when the loss falls. Runs in CI for
 * real; fails, never skips, when /usr/bin/python3 or PyTorch is missing.
 */
class TrainingSmokeTest {

    @Test
    void everyArchitectureTrainsAndItsLossFalls() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Path repo = Path.of("../..").toAbsolutePath().normalize();
        Path script = repo.resolve("models/training/smoke_test.py");
        if (!Files.isExecutable(python)) {
            fail("/usr/bin/python3 is missing: run bash .ci/install-peers");
        }
        assertTrue(Files.isRegularFile(script), script + " is missing");
        Process p = new ProcessBuilder(python.toString(), script.toString()).directory(repo.toFile())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "smoke test did not finish in 5 minutes");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "models/training/smoke_test.py failed:\n" + text);
    }
}
