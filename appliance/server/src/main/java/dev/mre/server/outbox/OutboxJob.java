// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.outbox;

import dev.mre.server.config.AeAddress;
import dev.mre.server.config.AppConfig.Destination;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One object to deliver to one destination, as stored in {@code pending/<id>.json}. The object
 * itself is {@code objects/<id>.dcm}. Immutable: a failed attempt writes a new version of the file
 * ({@link #failed}).
 */
public record OutboxJob(String id, Destination destination, String sopInstanceUid, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt) {

    /** The job after one more failed attempt. */
    public OutboxJob failed(String reason, Instant next) {
        return new OutboxJob(id, destination, sopInstanceUid, attempts + 1, next, reason, createdAt);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("destination", destination.address().toString())
                .put("tls", destination.tls())
                .put("sopInstanceUid", sopInstanceUid)
                .put("attempts", attempts)
                .put("nextAttemptAt", nextAttemptAt.toString())
                .put("lastError", lastError)
                .put("createdAt", createdAt.toString());
    }

    public static OutboxJob fromJson(JsonObject j) {
        return new OutboxJob(j.getString("id"),
                new Destination(AeAddress.parse(j.getString("destination")), j.getBoolean("tls", false)),
                j.getString("sopInstanceUid"), j.getInteger("attempts", 0),
                Instant.parse(j.getString("nextAttemptAt")), j.getString("lastError"),
                Instant.parse(j.getString("createdAt")));
    }
}
