// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import dev.mre.dicom.net.Association;
import dev.mre.dicom.net.ClientConfig;
import dev.mre.dicom.net.DicomClient;
import dev.mre.dicom.net.TlsConfig;
import dev.mre.dicom.net.service.DimseStatus;
import dev.mre.server.config.AppConfig.Destination;
import dev.mre.server.scu.Part10Object;
import dev.mre.server.scu.StoreScu;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.util.List;

/**
 * The production {@link DicomSender}: one association per attempt, one C-STORE of the file's data
 * set bytes as they are, then A-RELEASE. A success or warning status counts as delivered; a
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
        if (d.tls() && tls == null) {
            return Future.succeededFuture(SendResult.failed(null,
                    "destination needs TLS but dicom.tls has no certificates configured"));
        }
        ClientConfig cfg = client.withTls(d.tls() ? tls : null);
        return io.executeBlocking(() -> Part10Object.read(part10File)).compose(o ->
                DicomClient.open(vertx, cfg, d.address().aeTitle(), d.address().host(), d.address().port(),
                        StoreScu.contextsFor(List.of(o)))
                        .compose(as -> StoreScu.store(as, o, io)
                                .compose(status -> release(as).map(v -> result(status)))
                                .onFailure(e -> as.abort())))
                .recover(e -> Future.succeededFuture(SendResult.failed(null, String.valueOf(e.getMessage()))));
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
