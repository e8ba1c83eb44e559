// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import dev.mre.dicom.net.Association;
import dev.mre.dicom.net.ClientConfig;
import dev.mre.dicom.net.DicomClient;
import dev.mre.dicom.net.State;
import dev.mre.dicom.net.TlsConfig;
import dev.mre.dicom.net.service.DimseStatus;
import dev.mre.server.config.AppConfig.Destination;
import dev.mre.server.scu.Part10Object;
import dev.mre.server.scu.StoreScu;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The production {@link DicomSender}: one association per attempt, a C-STORE of each file's data
 * set bytes as they are (all due files of one destination share the association, see
 * {@link #sendAll}), then A-RELEASE. A success or warning status counts as delivered; a
 * failure status, a reject, an abort, a timeout or a refused connection is a failed attempt whose
 * reason says which.
 */
public final class DicomStoreSender implements DicomSender {
    private final Vertx vertx;
    private final ClientConfig client;
    private final TlsConfig tls;
    private final WorkerExecutor io;

    /** @param tls used for destinations marked TLS; {@code null} if we have none */
    public DicomStoreSender(Vertx vertx, ClientConfig client, TlsConfig tls) {
        this.vertx = vertx;
        this.client = client;
        this.tls = tls;
        this.io = vertx.createSharedWorkerExecutor(Outbox.WORKER_POOL, 2);
    }

    @Override
    public Future<SendResult> send(Destination d, Path part10File) {
        return sendAll(d, List.of(part10File), (r, i) -> { }).map(results -> results.get(0));
    }

    /**
     * One association for all files: every file gets its own C-STORE and its own result, so one
     * object the peer refuses does not fail the others. When the association itself fails (no
     * connection, rejected, aborted), every file not yet answered gets that failure.
     */
    @Override
    public Future<List<SendResult>> sendAll(Destination d, List<Path> part10Files,
                                            java.util.function.ObjIntConsumer<SendResult> onResult) {
        if (d.tls() && tls == null) {
            SendResult refused = SendResult.failed(null, "destination needs TLS but dicom.tls has no certificates configured");
            List<SendResult> all = new ArrayList<>();
            for (int i = 0; i < part10Files.size(); i++) {
                onResult.accept(refused, i);
                all.add(refused);
            }
            return Future.succeededFuture(all);
        }
        ClientConfig cfg = client.withTls(d.tls() ? tls : null);
        List<SendResult> results = new ArrayList<>();
        return io.executeBlocking(() -> {
            List<Part10Object> objects = new ArrayList<>();
            for (Path f : part10Files) {
                objects.add(Part10Object.read(f));
            }
            return objects;
        }).compose(objects -> DicomClient.open(vertx, cfg, d.address().aeTitle(), d.address().host(),
                        d.address().port(), StoreScu.contextsFor(objects))
                .compose(as -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (Part10Object o : objects) {
                        chain = chain.compose(v -> StoreScu.store(as, o, io)
                                .map(DicomStoreSender::result)
                                .recover(e -> as.state() == State.Sta6
                                        ? Future.succeededFuture(SendResult.failed(null, String.valueOf(e.getMessage())))
                                        : Future.failedFuture(e))
                                .map(r -> {
                                    onResult.accept(r, results.size());
                                    results.add(r);
                                    return null;
                                }));
                    }
                    return chain.compose(v -> release(as)).onFailure(e -> as.abort());
                }))
                .map(v -> results)
                .recover(e -> {
                    List<SendResult> all = new ArrayList<>(results);
                    SendResult failed = SendResult.failed(null, String.valueOf(e.getMessage()));
                    while (all.size() < part10Files.size()) {
                        onResult.accept(failed, all.size());
                        all.add(failed);
                    }
                    return Future.succeededFuture(all);
                });
    }

    private static Future<Void> release(Association as) {
        // The status is what counts; a failed release after it must not turn success into a resend.
        return as.release().recover(e -> Future.succeededFuture());
    }

    private static SendResult result(DimseStatus status) {
        return status.failure()
                ? SendResult.failed(status.status(), "status " + status)
                : SendResult.delivered(status.status());
    }
}
