// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mre.server.testing.Appliance;
import dev.mre.server.testing.Dcmtk;
import dev.mre.server.testing.MrObjects;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** INFO and above never carry patient names or IDs: a whole receive, spool and series cycle is checked. */
class PatientDataNotLoggedTest {
    private static final String NAME = "Zyxwvutsr^Qponmlk";
    private static final String ID = "PID-SECRET-7731";
    @TempDir
    Path dir;

    @Test
    void receivingAndStoringAnObjectLogsItsUidsButNeverThePatientNameOrId() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(ctx);
        captured.start();
        root.addAppender(captured);
        try (Appliance app = Appliance.start(dir, new JsonObject())) {
            Path f = MrObjects.write(dir.resolve("secret.dcm"), MrObjects.dataset("1.2.3.777", NAME, ID));
            Dcmtk.Result r = Dcmtk.run("storescu", "-aet", "CONSOLE", "-aec", "MRE_APPLIANCE", "127.0.0.1",
                    String.valueOf(app.port()), f.toString());
            assertEquals(0, r.exitCode(), r.output());
            Thread.sleep(1500); // let the series complete (quiet time 1 s) so its log line is checked too
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("stored") && l.contains("1.2.3.777")),
                "the per-object INFO line is missing: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("series complete")), "no series line: " + lines);
        for (String line : lines) {
            assertFalse(line.contains("Zyxwvutsr") || line.contains("Qponmlk") || line.contains(ID),
                    "patient data at INFO: " + line);
        }
    }
}
