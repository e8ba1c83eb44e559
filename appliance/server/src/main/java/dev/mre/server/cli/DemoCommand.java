// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.server.config.AppConfig;
import dev.mre.server.config.ConfigException;
import dev.mre.server.config.ConfigLoader;
import dev.mre.server.pipeline.PipelineService;
import dev.mre.server.serve.ServeVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code demo}: the appliance's main job on the bundled phantom exam, in one process. Starts the
 * appliance with an embedded configuration (spool, outbox, state and results under one work
 * folder; the results folder is the destination unless --destination is given), sends itself the
 * exam over DICOM with its own storage SCU, waits until the exam is processed and every result
 * is acknowledged, and prints the exam's values, flags and where the result objects are.
 */
final class DemoCommand implements Command, OptionSpec {
    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the appliance on the bundled phantom exam: receive, process, send results";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar demo [--exam DIR] [--work DIR] [--destination AE@host:port]...

                Starts the appliance (DICOM SCP on a free port, spool, pipeline, outbox) with an embedded
                configuration, sends it the exam with C-STORE as a console would, waits until the exam is
                processed and its results are queued (and, with --destination, acknowledged), then prints
                a JSON report: per-slice and exam stiffness, stage, review flags, and the result objects.

                options:
                  --exam DIR               exam to send (default: the bundled anatomical phantom,
                                           test-phantoms/reference/anatomical/dicom next to the jar's project)
                  --work DIR               folder for spool/, outbox/, state/, results/ (default: a new
                                           folder under the system temp folder); an existing one resumes
                  --destination AE@host:port
                                           also send the results there (repeatable), e.g. a DCMTK storescp
                  --timeout SECONDS        give up after this long (default 300)

                exit codes:
                  0   exam processed, results written (and delivered to every destination)
                  64  wrong usage
                  65  the exam could not be processed (the report says why)
                  66  the exam folder does not exist
                  69  a destination did not acknowledge every result within the timeout
                  70  internal error
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("exam", "work", "destination", "timeout");
    }

    @Override
    public int run(Args args) throws Exception {
        Path exam = args.has("exam") ? Path.of(args.get("exam")) : bundledExam();
        if (exam == null || !Files.isDirectory(exam)) {
            err.println("demo: exam folder " + (exam == null ? "test-phantoms/reference/anatomical/dicom" : exam)
                    + " not found; give --exam DIR");
            return ExitCode.NO_INPUT;
        }
        Path work = args.has("work") ? Path.of(args.get("work")) : Files.createTempDirectory("mre-demo-");
        int timeout = args.getInt("timeout", 300);
        JsonObject overrides = new JsonObject()
                .put("dicom", new JsonObject().put("port", 0).put("host", "127.0.0.1"))
                .put("spool", new JsonObject().put("dir", work.resolve("spool").toString()))
                .put("outbox", new JsonObject().put("dir", work.resolve("outbox").toString())
                        .put("retry", new JsonObject().put("initialDelaySeconds", 1).put("maxDelaySeconds", 5)))
                .put("pipeline", new JsonObject().put("stateDir", work.resolve("state").toString()))
                .put("results", new JsonObject().put("dir", work.resolve("results").toString()))
                .put("series", new JsonObject().put("quietTimeSeconds", 1));
        if (args.has("destination")) {
            overrides.put("destinations", new JsonArray(args.all("destination")));
        }
        AppConfig config;
        try {
            config = ConfigLoader.load(null, overrides);
        } catch (ConfigException e) {
            err.println("demo: " + e.getMessage());
            return ExitCode.USAGE;
        }
        err.println("demo: work folder " + work.toAbsolutePath());
        Vertx vertx = Vertx.vertx();
        try {
            BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
            vertx.eventBus().<JsonObject>consumer(PipelineService.EXAM_DONE,
                    m -> events.add(m.body().copy().put(RECEIVED_NS, System.nanoTime())));
            ServeVerticle appliance = new ServeVerticle(config);
            vertx.deployVerticle(appliance).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            String self = config.dicom().aeTitle() + "@127.0.0.1:" + appliance.ports().get(0);
            err.println("demo: appliance listening as " + self + "; sending " + exam);
            long t0 = System.nanoTime();
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            SendCommand send = new SendCommand(quiet, err);
            int sent = send.run(Args.parse(new String[] {"--to", self, exam.toString()}, send.valuedOptions(),
                    send.switchOptions()));
            if (sent != ExitCode.OK) {
                err.println("demo: sending the exam to the appliance failed (exit " + sent + ")");
                return ExitCode.SOFTWARE;
            }
            long sentAt = System.nanoTime();
            JsonObject outcome = awaitOutcome(events, timeout);
            if (outcome == null) {
                err.println("demo: no result within " + timeout + " s; see the log above");
                return ExitCode.SOFTWARE;
            }
            long processedAt = outcome.getLong(RECEIVED_NS);
            if (!outcome.getString("status").equals("DONE") && !outcome.getString("status").equals("ALREADY_PROCESSED")) {
                out.println(outcome.encodePrettily());
                err.println("demo: the exam could not be processed: " + outcome.getString("reason"));
                return ExitCode.DATA_ERROR;
            }
            boolean delivered = awaitDelivery(work.resolve("outbox"), config, timeout);
            long deliveredAt = System.nanoTime();
            JsonObject report = new JsonObject().put("status", outcome.getString("status"))
                    .put("summary", outcome.getJsonObject("summary"))
                    .put("destinations", new JsonArray(config.destinations().stream().map(Object::toString).toList()))
                    .put("timing_ms", new JsonObject()
                            .put("send_exam", ms(sentAt - t0))
                            .put("send_start_to_results_queued", ms(processedAt - t0))
                            // negative: the results were queued before the last image arrived (the
                            // analysis started once magnitude and phase were complete and overlapped
                            // the transfer of the vendor series)
                            .put("last_image_to_results_queued", ms(processedAt - sentAt))
                            .put("last_image_to_results_acknowledged", config.destinations().isEmpty() ? null
                                    : ms(Math.max(deliveredAt, processedAt) - sentAt)))
                    .put("work", work.toAbsolutePath().toString());
            out.println(report.encodePrettily());
            if (!delivered) {
                err.println("demo: results are still waiting in " + work.resolve("outbox/pending")
                        + " for an unreachable destination");
                return ExitCode.UNAVAILABLE;
            }
            return ExitCode.OK;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** When the demo heard an exam's outcome (System.nanoTime). */
    private static final String RECEIVED_NS = "demo_received_ns";

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }

    /** The first final outcome (WAITING and transient FAILED ones come first while series complete). */
    private static JsonObject awaitOutcome(BlockingQueue<JsonObject> events, int timeout) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        JsonObject failed = null;
        while (System.nanoTime() < end) {
            JsonObject e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e == null) {
                // a FAILED exam with no further series in 10 s is final
                if (failed != null && System.nanoTime() - failed.getLong("at") > TimeUnit.SECONDS.toNanos(10)) {
                    failed.remove("at");
                    return failed;
                }
                continue;
            }
            String s = e.getString("status");
            if (s.equals("DONE") || s.equals("ALREADY_PROCESSED") || s.equals("ERROR")) {
                return e;
            }
            if (s.equals("FAILED")) {
                failed = e.copy().put("at", System.nanoTime());
            }
        }
        return failed;
    }

    /** True once the outbox has no pending job (every result acknowledged), or when there is no outbox. */
    private static boolean awaitDelivery(Path outbox, AppConfig config, int timeout) throws Exception {
        if (config.destinations().isEmpty()) {
            return true;
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        Path pending = outbox.resolve("pending");
        while (System.nanoTime() < end) {
            try (Stream<Path> s = Files.list(pending)) {
                if (s.noneMatch(p -> p.toString().endsWith(".json"))) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** test-phantoms/reference/anatomical/dicom of the project the jar was built in, or of the working folder. */
    static Path bundledExam() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                candidates.add(p);
            }
        } catch (Exception e) {
            // fall through to the working folder
        }
        candidates.add(Path.of("").toAbsolutePath());
        for (Path root : candidates) {
            Path exam = root.resolve("test-phantoms/reference/anatomical/dicom");
            if (Files.isDirectory(exam)) {
                return exam;
            }
        }
        return null;
    }
}
