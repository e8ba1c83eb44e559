// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a DCMTK command line tool (storescu, echoscu); fails the test when DCMTK is missing. */
public final class Dcmtk {
    private Dcmtk() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(String tool, String... args) throws Exception {
        Path binary = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(binary)) {
            fail(binary + " is missing: install DCMTK (bash .ci/install-peers, or apt-get install dcmtk)");
        }
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), tool + " did not finish in 60 s");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
