// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.testing.Appliance;
import dev.mre.server.testing.MrObjects;
import dev.mre.server.testing.Storescp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subcommands, in-process through Main.run, against our own server and DCMTK storescp. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run main(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static long filesUnder(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).count();
        }
    }

    @Test
    void everyCommandHasAHelpTextWithOptionsAndExitCodes() {
        for (Command c : Main.commands(System.out, System.err)) {
            Run r = main(c.name(), "--help");
            assertEquals(0, r.exit(), c.name());
            assertTrue(r.out().contains("usage: java -jar mre-appliance.jar " + c.name()), r.out());
            assertTrue(r.out().contains("options"), c.name() + " help lists no options");
            assertTrue(r.out().contains("exit codes:"), c.name() + " help lists no exit codes");
        }
        Run list = main("--help");
        assertTrue(list.out().contains("serve") && list.out().contains("echo") && list.out().contains("send"));
    }

    @Test
    void echoToOurServerPrintsSuccessAndTheRoundTripTime() throws Exception {
        try (Appliance app = Appliance.start(dir, new JsonObject())) {
            Run r = main("echo", app.address(), "--calling-ae", "TESTSCU");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("status 0000 (Success), round trip"), r.out());
        }
    }

    @Test
    void echoToStorescpSucceeds() throws Exception {
        try (Storescp scp = Storescp.start(dir.resolve("scp"))) {
            Run r = main("echo", scp.address());
            assertEquals(0, r.exit(), r.err());
        }
    }

    @Test
    void echoToAClosedPortExits69SayingTheConnectionWasRefused() throws Exception {
        Run r = main("echo", "NOBODY@127.0.0.1:" + Storescp.freePort(), "--timeout", "5");
        assertEquals(ExitCode.UNAVAILABLE, r.exit());
        assertTrue(r.err().contains("refused"), r.err());
    }

    @Test
    void echoFromACallingAeNotOnTheAllowListExits69SayingItWasRejected() throws Exception {
        JsonObject allow = new JsonObject().put("dicom", new JsonObject().put("callingAeAllowList",
                new JsonArray().add("CONSOLE")));
        try (Appliance app = Appliance.start(dir, allow)) {
            Run r = main("echo", app.address(), "--calling-ae", "STRANGER");
            assertEquals(ExitCode.UNAVAILABLE, r.exit());
            assertTrue(r.err().toLowerCase().contains("reject"), r.err());
            assertEquals(0, main("echo", app.address(), "--calling-ae", "CONSOLE").exit());
        }
    }

    @Test
    void aMalformedPeerAddressIsAUsageErrorNamingTheProblem() {
        Run r = main("echo", "TOO_LONG_AE_TITLE_X@host:104");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("1-16 characters"), r.err());
        assertEquals(ExitCode.USAGE, main("echo", "AE@host:99999").exit());
        assertEquals(ExitCode.USAGE, main("send", "--to", "AE@host", "x").exit());
    }

    @Test
    void sendStoresFilesAndFoldersInOurSpoolAndSkipsNonDicomFiles() throws Exception {
        Path in = dir.resolve("in");
        MrObjects.write(in.resolve("a.dcm"), MrObjects.dataset("1.2.3.1001"));
        MrObjects.write(in.resolve("sub/b.dcm"), MrObjects.dataset("1.2.3.1002"));
        Path single = MrObjects.write(dir.resolve("c.dcm"), MrObjects.dataset("1.2.3.1003"));
        Files.writeString(in.resolve("notes.txt"), "not DICOM");
        try (Appliance app = Appliance.start(dir, new JsonObject())) {
            Run r = main("send", "--to", app.address(), in.toString(), single.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("sent 3, failed 0, skipped 1"), r.out());
            assertTrue(r.err().contains("notes.txt"), r.err());
            assertEquals(3, filesUnder(app.spool));
        }
    }

    @Test
    void sendToStorescpDeliversEveryFile() throws Exception {
        Path in = dir.resolve("in");
        MrObjects.write(in.resolve("a.dcm"), MrObjects.dataset("1.2.3.2001"));
        MrObjects.write(in.resolve("b.dcm"), MrObjects.dataset("1.2.3.2002"));
        try (Storescp scp = Storescp.start(dir.resolve("scp"))) {
            Run r = main("send", "--to", scp.address(), in.toString());
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("sent 2, failed 0, skipped 0"), r.out());
            assertEquals(2, scp.received().size());
        }
    }

    @Test
    void sendExits1WhenTheServerAcceptsSomeFilesButNotOthers() throws Exception {
        Path in = dir.resolve("in");
        MrObjects.write(in.resolve("mr.dcm"), MrObjects.dataset("1.2.3.8001"));
        var ct = MrObjects.dataset("1.2.3.8002");
        ct.setString(dev.mre.dicom.data.Tag.SOPClassUID, dev.mre.dicom.data.VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        MrObjects.write(in.resolve("ct.dcm"), ct);
        try (Appliance app = Appliance.start(dir, new JsonObject())) {
            Run r = main("send", "--to", app.address(), in.toString());
            assertEquals(ExitCode.PARTIAL, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("sent 1, failed 1, skipped 0"), r.out());
            assertTrue(r.err().contains("ct.dcm"), r.err());
            assertEquals(1, filesUnder(app.spool));
        }
    }

    @Test
    void sendWithoutAnyDicomFileExits66() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "text");
        assertEquals(ExitCode.NO_INPUT, main("send", "--to", "A@127.0.0.1:104", dir.resolve("a.txt").toString()).exit());
        assertEquals(ExitCode.NO_INPUT, main("send", "--to", "A@127.0.0.1:104", dir.resolve("missing").toString()).exit());
    }

    @Test
    void sendToAnUnreachablePeerExits69() throws Exception {
        Path f = MrObjects.write(dir.resolve("a.dcm"), MrObjects.dataset("1.2.3.3001"));
        Run r = main("send", "--to", "NOBODY@127.0.0.1:" + Storescp.freePort(), f.toString());
        assertEquals(ExitCode.UNAVAILABLE, r.exit());
        assertTrue(r.err().contains("refused"), r.err());
    }

    @Test
    void serveOnATakenPortExits73WithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run r = main("serve", "--port", String.valueOf(taken.getLocalPort()), "--spool", dir.resolve("s").toString());
            assertEquals(ExitCode.CANT_CREATE, r.exit());
            assertTrue(r.err().contains("already in use"), r.err());
        }
    }

    @Test
    void serveWithAnUnknownConfigurationKeyExits78NamingTheKey() throws Exception {
        Path cfg = Files.writeString(dir.resolve("mre.json"), "{\"dicom\": {\"aeTitel\": \"X\"}}");
        Run r = main("serve", "--config", cfg.toString());
        assertEquals(ExitCode.CONFIG, r.exit());
        assertTrue(r.err().contains("dicom.aeTitel"), r.err());
    }

    @Test
    void serveWithATamperedModelPackageExits78AndSaysWhichFile() throws Exception {
        Path models = dir.resolve("models");
        Path pkg = models.resolve("liver-seg-edge");
        Files.createDirectories(pkg);
        Path shipped = Path.of(System.getProperty("user.dir")).resolve("../../models/liver-seg-edge").normalize();
        Files.copy(shipped.resolve("manifest.json"), pkg.resolve("manifest.json"));
        Files.copy(shipped.resolve("MODEL_CARD.md"), pkg.resolve("MODEL_CARD.md"));
        byte[] onnx = Files.readAllBytes(shipped.resolve("model.onnx"));
        onnx[onnx.length / 2] ^= 1;                                    // one flipped bit
        Files.write(pkg.resolve("model.onnx"), onnx);
        Path cfg = Files.writeString(dir.resolve("mre.json"), new io.vertx.core.json.JsonObject()
                .put("models", new io.vertx.core.json.JsonObject().put("dir", models.toString()))
                .put("pipeline", new io.vertx.core.json.JsonObject().put("stateDir", dir.resolve("state").toString()))
                .put("results", new io.vertx.core.json.JsonObject().put("dir", dir.resolve("results").toString()))
                .encode());
        Run r = main("serve", "--config", cfg.toString(), "--port", "0", "--spool", dir.resolve("s").toString(),
                "--outbox", dir.resolve("o").toString());
        assertEquals(ExitCode.CONFIG, r.exit(), r.err());
        assertTrue(r.err().contains("model package refused") && r.err().contains("SHA-256"), r.err());
    }

    @Test
    void serveRunsUntilStoppedAndStoresWhatStorescuSends() throws Exception {
        int port = Storescp.freePort();
        Path spool = dir.resolve("spool");
        Run[] result = new Run[1];
        Thread server = new Thread(() -> result[0] = main("serve", "--port", String.valueOf(port), "--ae-title", "MRE_TEST",
                "--spool", spool.toString(), "--outbox", dir.resolve("outbox").toString(),
                "--results", dir.resolve("results").toString(), "--state", dir.resolve("state").toString()));
        server.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (main("echo", "MRE_TEST@127.0.0.1:" + port, "--timeout", "2").exit() != 0) {
            assertTrue(System.nanoTime() < deadline, "serve did not answer C-ECHO within 20 s");
            Thread.sleep(200);
        }
        Path f = MrObjects.write(dir.resolve("a.dcm"), MrObjects.dataset("1.2.3.4001"));
        var storescu = dev.mre.server.testing.Dcmtk.run("storescu", "-aec", "MRE_TEST", "127.0.0.1",
                String.valueOf(port), f.toString());
        assertEquals(0, storescu.exitCode(), storescu.output());
        assertEquals(1, filesUnder(spool));
        server.interrupt();
        server.join(30_000);
        assertEquals(0, result[0].exit(), result[0].err());
    }
}
