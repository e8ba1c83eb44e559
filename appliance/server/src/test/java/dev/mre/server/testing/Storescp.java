// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real DCMTK {@code storescp} as the peer. DCMTK is installed by {@code .ci/install-peers}; when
 * it is missing the test fails (it is never skipped). Every received object is written under a
 * unique name, so a duplicate delivery shows as two files.
 */
public final class Storescp implements AutoCloseable {
    public static final String BINARY = "/usr/bin/storescp";
    public static final String AE = "STORESCP";
    public final int port;
    public final Path outDir;
    private final Process process;

    private Storescp(int port, Path outDir, Process process) {
        this.port = port;
        this.outDir = outDir;
        this.process = process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public static Storescp start(Path outDir) throws Exception {
        return start(outDir, freePort());
    }

    /** storescp with extra options, e.g. "+xr" to accept RLE besides the uncompressed syntaxes. */
    public static Storescp start(Path outDir, String... options) throws Exception {
        return start(outDir, freePort(), options);
    }

    public static Storescp start(Path outDir, int port, String... options) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            fail(BINARY + " is missing: install DCMTK (bash .ci/install-peers, or apt-get install dcmtk)");
        }
        Files.createDirectories(outDir);
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(BINARY, "-aet", AE, "+uf"));
        cmd.addAll(java.util.List.of(options));
        cmd.addAll(java.util.List.of("-od", outDir.toString(), String.valueOf(port)));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(outDir.resolveSibling("storescp-" + port + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                assertTrue(p.isAlive(), "storescp exited at start-up; see " + outDir.resolveSibling("storescp-" + port + ".log"));
                assertTrue(System.nanoTime() < deadline, "storescp did not listen on port " + port + " within 10 s");
                Thread.sleep(50);
            }
        }
        return new Storescp(port, outDir, p);
    }

    public String address() {
        return AE + "@127.0.0.1:" + port;
    }

    /** Files storescp wrote. */
    public List<Path> received() throws IOException {
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
