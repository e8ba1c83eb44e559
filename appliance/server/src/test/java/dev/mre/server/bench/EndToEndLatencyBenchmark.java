// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.bench;

import dev.mre.phantoms.Phantoms;
import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.dicom.Vendor;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.server.config.AppConfig;
import dev.mre.server.config.ConfigLoader;
import dev.mre.server.serve.ServeVerticle;
import dev.mre.server.testing.Storescp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * End-to-end latency of the running appliance (issue 6): from the last source image's C-STORE
 * response to the last result object acknowledged by a DCMTK storescp destination, for 4-slice
 * anatomical phantom exams, one exam at a time ({@code runs}), then {@code burst} exams sent back
 * to back. By default only the MRE acquisition (magnitude and phase series) is sent, so the whole
 * analysis happens after the last image: the strict measure. With {@code full} as third argument
 * the vendor elastogram series follow, as a scanner sends them; the analysis then overlaps their
 * transfer. Prints a table; run with
 * {@code java -cp <server test class path> dev.mre.server.bench.EndToEndLatencyBenchmark [runs] [burst] [full]}
 * (see docs/benchmarks.md for the exact command). "rest" is the latency not spent in the analysis
 * stages: series completion, handing the exam to the pipeline worker and the C-STORE associations
 * to the destination.
 */
public final class EndToEndLatencyBenchmark {
    private EndToEndLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean full = args.length > 2 && "full".equals(args[2]);
        Path dir = Files.createTempDirectory("mre-e2e-");
        List<Path> exams = new ArrayList<>();
        long g0 = System.nanoTime();
        for (int i = 0; i < runs + burst; i++) {
            ExamSpec spec = ExamSpec.defaults(PhantomKind.ANATOMICAL, 5000 + i)
                    .withStage(FibrosisStage.values()[i % 5]);
            Path e = dir.resolve("exam-" + i);
            Phantoms.generate(spec, i % 2 == 0 ? Vendor.SIEMENS : Vendor.GE, e, true);
            exams.add(e.resolve("dicom"));
        }
        System.out.println(full ? "sent: the whole exam (magnitude, phase, vendor elastogram series)"
                : "sent: the MRE acquisition only (magnitude and phase series); the analysis starts after the last image");
        System.err.printf(Locale.ROOT, "generated %d exams in %.1f s%n", exams.size(), (System.nanoTime() - g0) / 1e9);
        try (Storescp dest = Storescp.start(dir.resolve("dest"))) {
            JsonObject overrides = new JsonObject()
                    .put("dicom", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
                    .put("spool", new JsonObject().put("dir", dir.resolve("spool").toString()))
                    .put("outbox", new JsonObject().put("dir", dir.resolve("outbox").toString()))
                    .put("pipeline", new JsonObject().put("stateDir", dir.resolve("state").toString()))
                    .put("results", new JsonObject().put("dir", dir.resolve("results").toString()))
                    .put("destinations", new JsonArray().add(dest.address()));
            AppConfig config = ConfigLoader.load(null, overrides);
            Vertx vertx = Vertx.vertx();
            try {
                ServeVerticle app = new ServeVerticle(config);
                vertx.deployVerticle(app).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
                String self = config.dicom().aeTitle() + "@127.0.0.1:" + app.ports().get(0);
                // The table is printed at the end: the appliance's log lines share standard output.
                StringBuilder table = new StringBuilder();
                table.append("| run | exam | latency ms (last image response -> last result acknowledged) | read input | physics | models | physics and models (parallel) | measure | result objects + durable write | queue | rest |\n");
                table.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
                double[] lat = new double[runs];
                for (int i = 0; i < runs; i++) {
                    int before = delivered(dir);
                    send(self, exams.get(i), full);
                    long last = System.nanoTime();
                    int objects = awaitDelivered(dir, before, i + 1);
                    lat[i] = (System.nanoTime() - last) / 1e6;
                    JsonObject s = latestSummary(dir);
                    JsonObject st = s.getJsonObject("stage_ms");
                    JsonObject tm = s.getJsonObject("timing_ms");
                    double queue = tm.getDouble("queue");
                    double read = tm.getDouble("read");
                    double both = st.getDouble("physics_and_models");
                    double write = tm.getDouble("analysis") - both - st.getDouble("measure"); // result objects and their fsync
                    double rest = lat[i] - read - tm.getDouble("analysis") - queue;
                    table.append(String.format(Locale.ROOT, "| %d | %s, %d objects | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %s |%n",
                            i + 1, s.getJsonObject("exam").getString("stage_code"), objects, lat[i], read,
                            st.getDouble("physics"), st.getDouble("deep_models"), both, st.getDouble("measure"), write, queue,
                            full ? "(overlapped)" : String.format(Locale.ROOT, "%.0f", rest)));
                }
                double[] sorted = lat.clone();
                Arrays.sort(sorted);
                table.append(String.format(Locale.ROOT, "%nsingle exams: median %.0f ms, max %.0f ms%n",
                        sorted[runs / 2], sorted[runs - 1]));
                if (burst > 0) {
                    int before = delivered(dir);
                    long b0 = System.nanoTime();
                    for (int i = runs; i < runs + burst; i++) {
                        send(self, exams.get(i), full);
                    }
                    long last = System.nanoTime();
                    awaitDelivered(dir, before, runs + burst);
                    long done = System.nanoTime();
                    table.append(String.format(Locale.ROOT, "burst: %d exams sent back to back in %.1f s; last result acknowledged"
                            + " %.1f s after the last image (%.2f s per exam); results at the destination: %d files%n",
                            burst, (last - b0) / 1e9, (done - last) / 1e9, (done - b0) / 1e9 / burst,
                            dest.received().size()));
                }
                System.out.flush();
                System.out.print("\n" + table);
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void send(String self, Path exam, boolean full) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        List<String> cmd = new ArrayList<>(List.of("send", "--to", self));
        if (full) {
            cmd.add(exam.toString());
        } else {                                           // the acquisition's series: all but the vendor results
            try (Stream<Path> series = Files.list(exam)) {
                series.filter(p -> !p.getFileName().toString().contains("elastogram")).sorted()
                        .forEach(p -> cmd.add(p.toString()));
            }
        }
        int rc = dev.mre.server.cli.Main.run(cmd.toArray(String[]::new), quiet, quiet);
        if (rc != 0) {
            throw new IllegalStateException("send failed with exit code " + rc);
        }
    }

    /** Jobs acknowledged so far (outbox/done). */
    private static int delivered(Path dir) throws Exception {
        Path done = dir.resolve("outbox/done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(done)) {
            return (int) s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    /**
     * Waits until {@code exams} exams are marked done and no outbox job is pending (the marker is
     * written after the exam's objects are queued, so both together mean every object was
     * acknowledged); returns the acknowledgements since {@code before}.
     */
    private static int awaitDelivered(Path dir, int before, int exams) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < end) {
            int doneExams = 0;
            try (Stream<Path> s = Files.list(dir.resolve("state"))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                    doneExams += "done".equals(new JsonObject(Files.readString(f)).getString("outcome")) ? 1 : 0;
                }
            }
            boolean pending;
            try (Stream<Path> s = Files.list(dir.resolve("outbox/pending"))) {
                pending = s.anyMatch(p -> p.toString().endsWith(".json"));
            }
            if (doneExams >= exams && !pending) {
                return delivered(dir) - before;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("results not delivered within 15 minutes");
    }

    private static JsonObject latestSummary(Path dir) throws Exception {
        JsonObject latest = null;
        long t = Long.MIN_VALUE;
        try (Stream<Path> s = Files.list(dir.resolve("state"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                long m = Files.getLastModifiedTime(f).toMillis();
                if (m >= t) {
                    t = m;
                    latest = new JsonObject(Files.readString(f)).getJsonObject("summary");
                }
            }
        }
        return latest;
    }
}
