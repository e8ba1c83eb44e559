// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small real tmpfs, so "disk full" is the kernel's ENOSPC and not a simulation. Needs root (the
 * tests run as root locally and in CI); without it the test fails with a sentence saying so.
 */
final class TmpfsMount implements AutoCloseable {
    final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    static TmpfsMount mount(Path dir, String size) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            fail("the full-disk test mounts a tmpfs and must run as root (it does in CI); "
                    + "run the tests as root, e.g. in the project's container");
        }
        Files.createDirectories(dir);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        return new TmpfsMount(dir);
    }

    @Override
    public void close() throws Exception {
        run("umount", dir.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 30 s");
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + output);
    }
}
