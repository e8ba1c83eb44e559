// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.testing.MrObjects;
import dev.mre.server.testing.Storescp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} with a TLS listener, and {@code echo}/{@code send} over TLS, with a self-signed certificate. */
class ServeTlsTest {
    @TempDir
    Path dir;

    private void openssl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "openssl failed: " + out);
    }

    @Test
    void echoAndSendOverTlsReachTheTlsListenerOfServe() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "1", "-subj", "/CN=mre-appliance-test");
        int port = Storescp.freePort();
        int tlsPort = Storescp.freePort();
        Path spool = dir.resolve("spool");
        CliTest.Run[] result = new CliTest.Run[1];
        Thread server = new Thread(() -> result[0] = CliTest.main("serve", "--port", String.valueOf(port),
                "--tls-port", String.valueOf(tlsPort), "--tls-cert", dir.resolve("cert.pem").toString(),
                "--tls-key", dir.resolve("key.pem").toString(), "--spool", spool.toString(),
                "--outbox", dir.resolve("outbox").toString(), "--results", dir.resolve("results").toString(),
                "--state", dir.resolve("state").toString()));
        server.start();
        String peer = "MRE_APPLIANCE@127.0.0.1:" + tlsPort;
        String trust = dir.resolve("cert.pem").toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        CliTest.Run echo;
        while ((echo = CliTest.main("echo", peer, "--tls", "--tls-trust", trust, "--timeout", "2")).exit() != 0) {
            assertTrue(System.nanoTime() < deadline, "no TLS C-ECHO answer within 20 s: " + echo.err());
            Thread.sleep(200);
        }
        assertTrue(echo.out().contains("status 0000"), echo.out());
        assertNotEquals(0, CliTest.main("echo", peer, "--timeout", "2").exit(), "plain TCP to the TLS port must fail");

        Path f = MrObjects.write(dir.resolve("a.dcm"), MrObjects.dataset("1.2.3.6001"));
        CliTest.Run send = CliTest.main("send", "--to", peer, "--tls", "--tls-trust", trust, f.toString());
        assertEquals(0, send.exit(), send.err());
        try (Stream<Path> s = Files.walk(spool)) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".dcm")).count());
        }
        server.interrupt();
        server.join(30_000);
        assertEquals(0, result[0].exit(), result[0].err());
    }
}
