// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import dev.mre.server.config.AppConfig.Destination;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers one Part 10 file to one destination (C-STORE in production, see
 * {@code DicomStoreSender}). The future fails or yields a {@link SendResult}; it never throws.
 */
public interface DicomSender {

    Future<SendResult> send(Destination destination, Path part10File);

    /**
     * Delivers several files to one destination; result {@code i} belongs to file {@code i}, and
     * {@code onResult} hears each result as soon as it is known (so the caller can record a
     * delivery before the next file goes). The default sends them one after the other with
     * {@link #send}; {@code DicomStoreSender} uses one association for all of them.
     */
    default Future<List<SendResult>> sendAll(Destination destination, List<Path> part10Files,
                                             java.util.function.ObjIntConsumer<SendResult> onResult) {
        List<SendResult> results = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (Path f : part10Files) {
            chain = chain.compose(v -> send(destination, f)
                    .recover(e -> Future.succeededFuture(SendResult.failed(null, String.valueOf(e.getMessage()))))
                    .map(r -> {
                        onResult.accept(r, results.size());
                        results.add(r);
                        return null;
                    }));
        }
        return chain.map(v -> results);
    }

    /** The outcome of one attempt; {@code status} is {@code null} when no response came. */
    record SendResult(boolean delivered, Integer status, String reason) {
        public static SendResult delivered(int status) {
            return new SendResult(true, status, "status " + String.format("0x%04X", status));
        }

        public static SendResult failed(Integer status, String reason) {
            return new SendResult(false, status, reason);
        }
    }
}
