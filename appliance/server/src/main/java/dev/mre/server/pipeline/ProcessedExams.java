// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.server.ingest.DurableFiles;
import dev.mre.server.ingest.SafeNames;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which exam inputs have been processed, on disk: {@code DIR/<study>.json} holds the fingerprint
 * of the input the study's results were made from, and the outcome ("done" with the summary, or
 * "failed" with the reason). Written durably after every result object is in the outbox, so an
 * exam whose marker exists is never processed again; an exam whose input changes (a new or
 * replaced image) has a new fingerprint and is processed again. Blocking methods.
 */
public final class ProcessedExams {
    private final Path dir;

    public ProcessedExams(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath();
        DurableFiles.createDirectories(this.dir);
        DurableFiles.deleteTempFiles(this.dir);
    }

    /** The marker of a study, or {@code null} when it was never processed (or is unreadable). */
    public JsonObject get(String studyUid) throws IOException {
        Path f = fileOf(studyUid);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return new JsonObject(Files.readString(f, StandardCharsets.UTF_8));
        } catch (DecodeException e) {
            return null;        // written atomically, so only a foreign edit gets here: process again
        }
    }

    /** True when the study's input with this fingerprint was processed (successfully or not). */
    public boolean processed(String studyUid, String fingerprint) throws IOException {
        JsonObject j = get(studyUid);
        return j != null && fingerprint.equals(j.getString("fingerprint"));
    }

    public void markDone(String studyUid, String fingerprint, JsonObject summary) throws IOException {
        write(studyUid, new JsonObject().put("fingerprint", fingerprint).put("outcome", "done").put("summary", summary));
    }

    public void markFailed(String studyUid, String fingerprint, String reason) throws IOException {
        write(studyUid, new JsonObject().put("fingerprint", fingerprint).put("outcome", "failed").put("reason", reason));
    }

    private void write(String studyUid, JsonObject j) throws IOException {
        DurableFiles.write(fileOf(studyUid), j.encodePrettily().getBytes(StandardCharsets.UTF_8));
    }

    private Path fileOf(String studyUid) {
        return dir.resolve(SafeNames.uid(studyUid) + ".json");
    }
}
