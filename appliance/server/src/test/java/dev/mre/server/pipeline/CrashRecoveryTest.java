// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Tag;
import dev.mre.dicom.io.DicomReader;
import dev.mre.server.testing.Dcmtk;
import dev.mre.server.testing.Storescp;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The appliance as a separate process, killed with SIGKILL while it receives, while it processes
 * and while it sends, then restarted: afterwards every image the console sent is in the spool, the
 * exam was processed to one set of results, and the destination (DCMTK storescp) holds every result
 * object once. The kill points are found in the appliance's own log, so each lands in its stage.
 */
class CrashRecoveryTest {
    private static final Path EXAM = Path.of("../../test-phantoms/reference/anatomical/dicom");

    @Test
    void killedWhileReceivingProcessingAndSendingItStillDeliversEverythingOnce() throws Exception {
        // under target/, kept after the run: the four serve logs explain any failure
        Files.createDirectories(Path.of("target"));
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-recovery-");
        try (Storescp dest = Storescp.start(dir.resolve("dest"))) {
            int port = Storescp.freePort();
            Path config = dir.resolve("config.json");
            Files.writeString(config, new JsonObject()
                    .put("dicom", new JsonObject().put("port", port).put("host", "127.0.0.1").put("warmUpObjects", 0))
                    .put("spool", new JsonObject().put("dir", dir.resolve("spool").toString()).put("reserveMegabytes", 0))
                    .put("outbox", new JsonObject().put("dir", dir.resolve("outbox").toString())
                            .put("retry", new JsonObject().put("initialDelaySeconds", 1).put("maxDelaySeconds", 2)))
                    .put("pipeline", new JsonObject().put("stateDir", dir.resolve("state").toString()))
                    .put("results", new JsonObject().put("dir", dir.resolve("results").toString()))
                    .put("series", new JsonObject().put("quietTimeSeconds", 1))
                    .put("destinations", new io.vertx.core.json.JsonArray().add(dest.address())).encodePrettily());
            List<String> kills = new ArrayList<>();

            // 1. during receive: after the 10th stored object; the console's send fails
            try (Serve s = Serve.start(config, dir.resolve("serve-1.log"))) {
                Thread sender = sendInBackground(port);
                s.killAfter(Pattern.compile(" stored "), 10);
                sender.join(60_000);
                kills.add("receive");
            }
            // 2. the console sends the whole exam again; kill when the exam is being analysed
            try (Serve s = Serve.start(config, dir.resolve("serve-2.log"))) {
                Dcmtk.Result r = send(port);
                assertEquals(0, r.exitCode(), "the restarted appliance must accept the exam: " + r.output());
                s.killAfter(Pattern.compile("series .* taken: inversion input"), 1);
                kills.add("processing");
            }
            // 3. restarted: the spool scan finds the unprocessed exam; kill after the first acknowledged result
            try (Serve s = Serve.start(config, dir.resolve("serve-3.log"))) {
                s.killAfter(Pattern.compile("outbox: job .* delivered"), 1);
                kills.add("sending");
            }
            // 4. restarted for good: the outbox resumes, the exam is not processed again
            JsonObject marker;
            try (Serve s = Serve.start(config, dir.resolve("serve-4.log"))) {
                marker = awaitDelivered(dir);
                s.awaitLine(Pattern.compile("was processed before \\(done\\); not again"), 1);
            }
            assertEquals(List.of("receive", "processing", "sending"), kills);

            // every image the console sent is in the spool
            assertEquals(uids(EXAM), uids(dir.resolve("spool")), "spool holds every sent image");
            // one set of results
            assertEquals("done", marker.getString("outcome"));
            Set<String> expected = new TreeSet<>();
            marker.getJsonObject("summary").getJsonArray("result_objects")
                    .forEach(o -> expected.add(((JsonObject) o).getString("sop_instance_uid")));
            assertTrue(expected.size() >= 4, "an exam makes result objects: " + expected);
            try (Stream<Path> studies = Files.list(dir.resolve("results"))) {
                for (Path study : studies.toList()) {
                    try (Stream<Path> runs = Files.list(study)) {
                        assertEquals(1, runs.count(), "one result set per exam input");
                    }
                }
            }
            // the destination holds each result once, and nothing else
            List<Path> received = dest.received();
            assertEquals(expected, uids(dir.resolve("dest")));
            assertEquals(expected.size(), received.size(), "one file per result object at the destination");
        }
    }

    private static Set<String> uids(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.add(DicomReader.readFile(f).dataset().getString(Tag.SOPInstanceUID, null));
            }
        }
        return out;
    }

    private static Dcmtk.Result send(int port) throws Exception {
        return Dcmtk.run("storescu", "-aet", "CONSOLE", "-aec", "MRE_APPLIANCE", "+sd", "+r", "127.0.0.1",
                Integer.toString(port), EXAM.toString());
    }

    private static Thread sendInBackground(int port) {
        Thread t = new Thread(() -> {
            try {
                send(port);
            } catch (Exception | AssertionError e) {
                // the appliance dies under it: expected
            }
        }, "console");
        t.start();
        return t;
    }

    /** Waits until the state marker says done and no outbox job is pending; returns the marker. */
    private static JsonObject awaitDelivered(Path dir) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            Path state = dir.resolve("state");
            JsonObject marker = null;
            if (Files.isDirectory(state)) {
                try (Stream<Path> s = Files.list(state)) {
                    for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                        marker = new JsonObject(Files.readString(f));
                    }
                }
            }
            boolean pending;
            try (Stream<Path> s = Files.list(dir.resolve("outbox/pending"))) {
                pending = s.anyMatch(p -> p.toString().endsWith(".json"));
            }
            if (marker != null && "done".equals(marker.getString("outcome")) && !pending) {
                return marker;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("results not delivered within 180 s; see " + dir);
    }

    /** `serve` in its own JVM (the test class path), its log captured and watched. */
    private static final class Serve implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Path log;

        private Serve(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Serve start(Path config, Path log) throws Exception {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    "dev.mre.server.cli.Main", "serve", "--config", config.toString())
                    .redirectErrorStream(true).start();
            Serve s = new Serve(p, log);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        Files.writeString(log, line + "\n", StandardCharsets.UTF_8,
                                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                        s.lines.add(line);
                    }
                } catch (IOException e) {
                    // process gone
                }
            }, "serve-log");
            reader.setDaemon(true);
            reader.start();
            s.awaitLine(Pattern.compile("pipeline ready"), 1);
            return s;
        }

        /** Waits for the count-th line matching, leaving the process running. */
        void awaitLine(Pattern p, int count) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            int seen = 0;
            while (System.nanoTime() < end) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && p.matcher(line).find() && ++seen >= count) {
                    return;
                }
                if (line == null && !process.isAlive()) {
                    throw new AssertionError("serve exited (" + process.exitValue() + ") before '" + p + "'; see " + log);
                }
            }
            throw new AssertionError("no '" + p + "' in the serve log within 180 s; see " + log);
        }

        /** SIGKILL right after the count-th matching line. */
        void killAfter(Pattern p, int count) throws InterruptedException {
            awaitLine(p, count);
            process.destroyForcibly();       // SIGKILL on Linux: no shutdown hook runs
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, process.exitValue(), "killed by SIGKILL");
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
