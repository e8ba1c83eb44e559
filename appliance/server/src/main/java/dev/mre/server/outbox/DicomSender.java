// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import dev.mre.server.config.AppConfig.Destination;
import io.vertx.core.Future;
import java.nio.file.Path;

/**
 * Delivers one Part 10 file to one destination (C-STORE in production, see
 * {@code DicomStoreSender}). The future fails or yields a {@link SendResult}; it never throws.
 */
public interface DicomSender {

    Future<SendResult> send(Destination destination, Path part10File);

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
