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

/** Runs the real peer tools (DCMTK's storescu, echoscu, ...; any program via {@link #command}). */
public final class Dcmtk {
    private Dcmtk() {
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(String tool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of("/usr/bin", tool).toString()));
        cmd.addAll(List.of(args));
        return command(cmd, "install DCMTK (bash .ci/install-peers, or apt-get install dcmtk)", 60);
    }

    /**
     * Runs any peer program (DCMTK, dicom3tools, the Debian python3 with pydicom); a missing
     * program fails the test with {@code installHint}, never skips it.
     */
    public static Result command(List<String> cmd, String installHint, int timeoutSeconds) throws Exception {
        if (!Files.isExecutable(Path.of(cmd.get(0)))) {
            fail(cmd.get(0) + " is missing: " + installHint);
        }
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), cmd.get(0) + " did not finish in " + timeoutSeconds + " s");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
