// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.testing;

import dev.mre.server.config.AppConfig;
import dev.mre.server.config.ConfigLoader;
import dev.mre.server.serve.ServeVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real serve verticle on a free port with its spool in a test folder. */
public final class Appliance implements AutoCloseable {
    public final Vertx vertx;
    public final ServeVerticle verticle;
    public final Path spool;

    private Appliance(Vertx vertx, ServeVerticle verticle, Path spool) {
        this.vertx = vertx;
        this.verticle = verticle;
        this.spool = spool;
    }

    public static Appliance start(Path dir, JsonObject extra) throws Exception {
        JsonObject overrides = new JsonObject()
                // no start-up DICOM warm-up (ReceiveWarmUpTest covers it): tests want the CPU
                .put("dicom", new JsonObject().put("port", 0).put("warmUpObjects", 0))
                .put("spool", new JsonObject().put("dir", dir.resolve("spool").toString()).put("reserveMegabytes", 0))
                .put("outbox", new JsonObject().put("dir", dir.resolve("outbox").toString()))
                .put("series", new JsonObject().put("quietTimeSeconds", 1))
                .put("pipeline", new JsonObject().put("stateDir", dir.resolve("state").toString()))
                .put("results", new JsonObject().put("dir", dir.resolve("results").toString()));
        overrides.mergeIn(extra, true);
        AppConfig config = ConfigLoader.load(null, overrides);
        Vertx vertx = Vertx.vertx();
        ServeVerticle v = new ServeVerticle(config);
        vertx.deployVerticle(v).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        return new Appliance(vertx, v, dir.resolve("spool"));
    }

    public int port() {
        return verticle.ports().get(0);
    }

    public String address() {
        return "MRE_APPLIANCE@127.0.0.1:" + port();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
