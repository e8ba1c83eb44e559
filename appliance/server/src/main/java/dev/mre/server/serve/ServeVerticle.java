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
import dev.mre.server.pipeline.ExamAnalysis;
import dev.mre.server.pipeline.ExamPipeline;
import dev.mre.server.pipeline.PipelineService;
import dev.mre.server.pipeline.ProcessedExams;
import dev.mre.server.pipeline.StandardAnalysis;
import dev.mre.server.process.RecognitionRules;
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
    private final ExamAnalysis analysis;
    private Outbox outbox;
    private PipelineService pipeline;
    private Spool spool;
    private ReceiveWarmUp warmUp;
    private Future<?> warmedUp = Future.succeededFuture();

    public ServeVerticle(AppConfig config) {
        this(config, null);
    }

    /** @param analysis what an exam is turned into; {@code null} for the standard analysis */
    public ServeVerticle(AppConfig config, ExamAnalysis analysis) {
        this.config = config;
        this.analysis = analysis;
    }

    @Override
    public Future<?> start() {
        Spool spool = new Spool(config.spool().dir(), config.spool().reserveBytes(),
                config.spool().journalSegmentBytes());
        this.spool = spool;
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
                .compose(v -> startOutbox())
                .compose(v -> startPipeline(spool))
                .onSuccess(v -> startWarmUp());
    }

    /**
     * The DICOM warm-up runs after start-up (the listener already serves; the pipeline's own warm-up
     * is done), in the background: see {@link ReceiveWarmUp}.
     */
    private void startWarmUp() {
        int n = config.dicom().warmUpObjects();
        if (n <= 0) {
            return;
        }
        warmUp = new ReceiveWarmUp(vertx, config, n, ReceiveWarmUp.defaultScratchParent(config.spool().dir()));
        warmedUp = warmUp.run();
    }

    /**
     * Exams are processed once the outbox is ready (results are queued there) and after the
     * listeners are up; studies already in the spool are checked first.
     */
    private Future<Void> startPipeline(Spool spool) {
        if (!config.pipeline().enabled()) {
            log.info("pipeline disabled (pipeline.enabled = false): images are stored, not processed");
            return Future.succeededFuture();
        }
        WorkerExecutor setup = vertx.createSharedWorkerExecutor(SPOOL_POOL, 1);
        return setup.executeBlocking(() -> {
            ExamAnalysis a = analysis != null ? analysis : StandardAnalysis.create(config);
            if (config.pipeline().warmUp()) {
                try {
                    a.warmUp();
                } catch (Exception e) {           // only speed is at stake: say so and go on
                    log.warn("pipeline warm-up failed ({}); the first exam will be slower", e.toString());
                }
            }
            return new ExamPipeline(RecognitionRules.of(config.recognition()), a,
                    new ProcessedExams(config.pipeline().stateDir()), config.pipeline().resultsDir(), this::deliver);
        }).andThen(v -> setup.close()).compose(p -> {
            pipeline = new PipelineService(vertx, p, spool.root());
            return pipeline.start();
        }).map(n -> {
            log.info("pipeline ready: results in {}{}", config.pipeline().resultsDir(),
                    config.destinations().isEmpty() ? " (no destination configured: results stay there)"
                            : ", sent to " + config.destinations());
            return null;
        });
    }

    /** The pipeline's sink (its worker thread): every object durably queued for every destination. */
    private void deliver(String studyUid, List<ExamAnalysis.ResultObject> objects) throws Exception {
        if (outbox == null) {
            return;
        }
        List<Outbox.Item> items = objects.stream().map(o -> new Outbox.Item(o.file(), o.sopInstanceUid())).toList();
        for (AppConfig.Destination d : config.destinations()) {
            outbox.enqueueAllOnceBlocking(items, d);
        }
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
        outbox = new Outbox(vertx, config.outbox().dir(), sender, config.outbox().retry(), config.outbox().keepDone());
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
        if (warmUp != null) {
            warmUp.stop();
        }
        List<Future<?>> closing = new ArrayList<>();
        closing.add(warmedUp.otherwiseEmpty());
        servers.forEach(s -> closing.add(s.close()));
        if (pipeline != null) {
            closing.add(pipeline.close());
        }
        if (outbox != null) {
            closing.add(outbox.close());
        }
        Spool s = spool;
        return Future.join(closing).eventually(() -> s == null ? Future.succeededFuture()
                : vertx.executeBlocking(() -> {
                    s.close();                // writes the files of what the journal still holds
                    return null;
                }));
    }
}
