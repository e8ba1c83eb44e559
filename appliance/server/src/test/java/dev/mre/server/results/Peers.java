// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: runs dciodvfy (dicom3tools) and /usr/bin/python3 (with pydicom and numpy), which the
 * DCMTK helper in server.testing does not cover. A missing tool fails the test, never skips it.
 */
final class Peers {
    private Peers() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> cmd) throws Exception {
        if (!Files.isExecutable(Path.of(cmd.get(0)))) {
            fail(cmd.get(0) + " is missing: install the peers (bash .ci/install-peers: dicom3tools, python3-pydicom)");
        }
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), cmd.get(0) + " did not finish in 120 s");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Result dciodvfy(Path file) throws Exception {
        return run(List.of("/usr/bin/dciodvfy", file.toString()));
    }
}
