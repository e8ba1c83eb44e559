// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.serve;

import dev.mre.dicom.net.DicomServer;
import dev.mre.dicom.net.ServerConfig;
import dev.mre.dicom.net.service.DimseServices;
import dev.mre.server.config.AppConfig;
import dev.mre.server.ingest.SeriesTracker;
import dev.mre.server.ingest.Spool;
import dev.mre.server.ingest.SpoolStoreHandler;
import dev.mre.server.outbox.DicomStoreSender;
import dev.mre.server.outbox.Outbox;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance process: recovers the spool, starts the storage SCP (plain and, if configured,
 * TLS) with the spool handler and the series tracker, and the outbox sender when destinations are
 * configured. {@link #start()} completes only after every listener is bound.
 */
public final class ServeVerticle extends VerticleBase {
    /** Worker pool for the spool's start-up recovery (stores run on the DICOM layer's "dicom-store" pool). */
    public static final String SPOOL_POOL = "mre-spool-io";
    private static final Logger log = LoggerFactory.getLogger(ServeVerticle.class);
    private final AppConfig config;
    private final List<DicomServer> servers = new ArrayList<>();
    private Outbox outbox;

    public ServeVerticle(AppConfig config) {
        this.config = config;
    }

    @Override
    public Future<?> start() {
        Spool spool = new Spool(config.spool().dir(), config.spool().reserveBytes());
        SeriesTracker tracker = new SeriesTracker(vertx, config.series().quietTime(), config.series().reopenWindow());
        DimseServices services = DimseServices.verificationAndStorage(new SpoolStoreHandler(spool, tracker::add));
        WorkerExecutor io = vertx.createSharedWorkerExecutor(SPOOL_POOL, 1);
        return io.executeBlocking(() -> {
            spool.recover();
            return null;
        }).andThen(v -> io.close()).compose(v -> listen(DicomConfigs.plain(config.dicom()), services))
                .compose(v -> {
                    ServerConfig tls = DicomConfigs.tls(config.dicom());
                    return tls == null ? Future.succeededFuture() : listen(tls, services);
                })
                .compose(v -> startOutbox());
    }

    private Future<Void> listen(ServerConfig cfg, DimseServices services) {
        return DicomServer.start(vertx, cfg, services).map(server -> {
            servers.add(server);
            log.info("listening on port {} as AE {}{}", server.actualPort(), cfg.aeTitle(),
                    cfg.tls() == null ? "" : " (TLS)");
            return null;
        });
    }

    private Future<Void> startOutbox() {
        if (config.destinations().isEmpty()) {
            return Future.succeededFuture();
        }
        DicomStoreSender sender = new DicomStoreSender(vertx, DicomConfigs.client(config.dicom()),
                DicomConfigs.tlsConfig(config.dicom().tls()));
        outbox = new Outbox(vertx, config.outbox().dir(), sender, config.outbox().retry());
        return outbox.start().map(n -> {
            log.info("outbox {} ready for {}", config.outbox().dir(), config.destinations());
            return null;
        });
    }

    /** The bound ports, plain first (useful with port 0). */
    public List<Integer> ports() {
        return servers.stream().map(DicomServer::actualPort).toList();
    }

    /** The outbox, or {@code null} when no destination is configured. */
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public Future<?> stop() {
        List<Future<?>> closing = new ArrayList<>();
        servers.forEach(s -> closing.add(s.close()));
        if (outbox != null) {
            closing.add(outbox.close());
        }
        return Future.join(closing);
    }
}
