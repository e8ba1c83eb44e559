// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.server.config.AppConfig;
import dev.mre.server.config.ConfigException;
import dev.mre.server.config.ConfigLoader;
import dev.mre.server.serve.ServeVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}: runs the appliance until SIGTERM or SIGINT (or, in-process, until the calling
 * thread is interrupted). The shutdown hook closes Vert.x, which stops the verticle cleanly.
 */
final class ServeCommand implements Command, OptionSpec {
    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "run the appliance: DICOM storage SCP, spool, series tracking, outbox";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar serve [options]

                Runs the appliance until SIGTERM or SIGINT: a DICOM storage SCP (C-ECHO, C-STORE) that
                writes each object durably to the spool before answering, series completeness
                events, and the outbox sender when destinations are configured. Options override the
                configuration file; every key and default is in docs/configuration.md.

                options:
                  --config FILE            JSON configuration file (default: built-in defaults)
                  --port N                 DICOM port (dicom.port, default 11112; 0 = any free port)
                  --ae-title T             our AE title (dicom.aeTitle, default MRE_APPLIANCE)
                  --spool DIR              spool folder (spool.dir, default /var/lib/mre/spool)
                  --outbox DIR             outbox folder (outbox.dir, default /var/lib/mre/outbox)
                  --results DIR            result objects folder (results.dir, default /var/lib/mre/results)
                  --state DIR              processed-exam markers (pipeline.stateDir, default /var/lib/mre/state)
                  --destination AE@host:port
                                           send results there; repeatable; replaces the configured
                                           destinations (the console and a PACS can differ)
                  --allow-calling-ae AE    accept only this calling AE; repeatable
                                           (dicom.callingAeAllowList, default: any)
                  --tls-port N             also listen with TLS on N (dicom.tls.port, default 2762)
                  --tls-cert PEM           certificate chain for TLS (dicom.tls.certChainPem)
                  --tls-key PEM            private key for TLS (dicom.tls.privateKeyPem)
                  --tls-trust PEM          CA certificates of trusted clients (dicom.tls.trustedCertsPem)

                exit codes:
                  0   stopped cleanly (after SIGTERM/SIGINT the JVM itself exits 143/130, once
                      the shutdown hook has closed listeners and the outbox)
                  64  wrong usage
                  73  cannot listen (port in use or not permitted) or the spool cannot be created
                  78  the configuration file is invalid (the message names the key), or a model
                      package in the models folder is broken or tampered (reinstall it)
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("config", "port", "ae-title", "spool", "outbox", "allow-calling-ae", "tls-port", "tls-cert",
                "tls-key", "tls-trust", "results", "state", "destination");
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.positional().isEmpty()) {
            throw new UsageException("serve takes no operands, got '" + args.positional().get(0) + "'");
        }
        AppConfig config;
        try {
            config = ConfigLoader.load(args.has("config") ? Path.of(args.get("config")) : null, overrides(args));
        } catch (ConfigException e) {
            err.println("mre-appliance serve: " + e.getMessage());
            return ExitCode.CONFIG;
        }
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new ServeVerticle(config)).toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {                 // asked to stop while still starting
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            out.println("mre-appliance serve: stopped while starting");
            return ExitCode.OK;
        } catch (Exception e) {
            vertx.close().toCompletionStage().toCompletableFuture().get();
            if (Failures.isBind(e)) {
                err.println("mre-appliance serve: cannot listen on port " + config.dicom().port()
                        + (config.dicom().tls().enabled() ? " or TLS port " + config.dicom().tls().port() : "")
                        + ": address already in use; stop the other DICOM listener or choose another --port");
            } else if (Failures.unwrap(e) instanceof dev.mre.inference.ModelPackageException m) {
                err.println("mre-appliance serve: cannot start: model package refused: " + m.getMessage());
                return ExitCode.CONFIG;
            } else {
                err.println("mre-appliance serve: cannot start: " + Failures.unwrap(e).getMessage());
            }
            return ExitCode.CANT_CREATE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("mre-appliance serve: stopping (signal received)");
            vertx.close().toCompletionStage().toCompletableFuture().join();
            stopped.countDown();
        }, "mre-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        out.println("mre-appliance serve: stopped");
        return ExitCode.OK;
    }

    /** Command-line values as a configuration fragment (same keys as the file). */
    private static JsonObject overrides(Args args) throws UsageException {
        JsonObject dicom = new JsonObject();
        JsonObject tls = new JsonObject();
        if (args.has("port")) {
            dicom.put("port", args.getInt("port", 0));
        }
        if (args.has("ae-title")) {
            dicom.put("aeTitle", args.get("ae-title"));
        }
        if (args.has("allow-calling-ae")) {
            dicom.put("callingAeAllowList", new JsonArray(args.all("allow-calling-ae")));
        }
        if (args.has("tls-port")) {
            tls.put("enabled", true).put("port", args.getInt("tls-port", 0));
        }
        putIf(args, "tls-cert", tls, "certChainPem");
        putIf(args, "tls-key", tls, "privateKeyPem");
        putIf(args, "tls-trust", tls, "trustedCertsPem");
        if (!tls.isEmpty()) {
            dicom.put("tls", tls);
        }
        JsonObject root = new JsonObject();
        if (!dicom.isEmpty()) {
            root.put("dicom", dicom);
        }
        if (args.has("spool")) {
            root.put("spool", new JsonObject().put("dir", args.get("spool")));
        }
        if (args.has("outbox")) {
            root.put("outbox", new JsonObject().put("dir", args.get("outbox")));
        }
        if (args.has("results")) {
            root.put("results", new JsonObject().put("dir", args.get("results")));
        }
        if (args.has("state")) {
            root.put("pipeline", new JsonObject().put("stateDir", args.get("state")));
        }
        if (args.has("destination")) {
            root.put("destinations", new JsonArray(args.all("destination")));
        }
        return root;
    }

    private static void putIf(Args args, String option, JsonObject target, String key) {
        if (args.has(option)) {
            target.put(key, args.get(option));
        }
    }
}
