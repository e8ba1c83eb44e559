// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        return Files.writeString(dir.resolve("mre.json"), json);
    }

    @Test
    void noFileGivesTheDocumentedDefaults() throws Exception {
        AppConfig c = ConfigLoader.load(null, new JsonObject());
        assertEquals(11112, c.dicom().port());
        assertEquals("MRE_APPLIANCE", c.dicom().aeTitle());
        assertEquals(2762, c.dicom().tls().port());
        assertFalse(c.dicom().tls().enabled());
        assertNull(c.dicom().tls().certChainPem());
        assertTrue(c.dicom().acceptedSopClasses().contains("1.2.840.10008.5.1.4.1.1.4"));
        assertTrue(c.dicom().acceptedTransferSyntaxes().contains("1.2.840.10008.1.2.1.99"));
        assertTrue(c.dicom().callingAeAllowList().isEmpty());
        assertEquals(Duration.ofSeconds(5), c.series().quietTime());
        assertEquals(0, c.outbox().retry().maxAttempts());
        assertTrue(c.destinations().isEmpty());
    }

    @Test
    void fileValuesReplaceDefaultsAndCommandLineReplacesTheFile() throws Exception {
        Path f = file("""
                {"dicom": {"port": 4242, "aeTitle": "FROM_FILE", "tls": {"enabled": false, "port": 3000}},
                 "spool": {"dir": "/srv/spool"},
                 "outbox": {"retry": {"initialDelaySeconds": 1, "maxDelaySeconds": 8, "maxAttempts": 4}},
                 "destinations": ["PACS@10.0.0.5:104", {"address": "CONSOLE@console:2762", "tls": true}]}
                """);
        AppConfig c = ConfigLoader.load(f, new JsonObject().put("dicom", new JsonObject().put("port", 5555)));
        assertEquals(5555, c.dicom().port());
        assertEquals("FROM_FILE", c.dicom().aeTitle());
        assertEquals(3000, c.dicom().tls().port());
        assertEquals(Path.of("/srv/spool"), c.spool().dir());
        assertEquals(Duration.ofSeconds(8), c.outbox().retry().delayAfter(10));
        assertEquals(new AeAddress("PACS", "10.0.0.5", 104), c.destinations().get(0).address());
        assertTrue(c.destinations().get(1).tls());
    }

    @Test
    void measurementDefaultsAreTheDocumentedOnesAndEveryOneIsConfigurable() throws Exception {
        AppConfig d = ConfigLoader.load(null, new JsonObject());
        assertEquals(10.0, d.measurement().roi().edgeMarginMm());
        assertEquals("mayo", d.measurement().staging().name());
        assertEquals(0.10, d.measurement().review().maxDlPhysicsDifference(), 1e-12);
        assertEquals(5.0, d.measurement().review().minRoiAreaCm2());
        assertEquals(0.30, d.measurement().review().minConfidenceCoverage(), 1e-12);

        Path table = Files.writeString(dir.resolve("site.txt"), """
                name: site-a
                version: 7
                description: a site's own cut-offs
                at-cutoff: upper
                stage: low below 3.5
                cutoff: 3.5
                stage: high 3.5 or more
                """);
        Path f = file(new JsonObject().put("measurement", new JsonObject().put("edgeMarginMm", 5)
                .put("vesselRimPixels", 2).put("stagingTable", table.toString())
                .put("review", new JsonObject().put("maxDlPhysicsDifferencePercent", 15)
                        .put("minRoiAreaCm2", 3.5).put("minConfidenceCoveragePercent", 20))).encode());
        AppConfig c = ConfigLoader.load(f, new JsonObject());
        assertEquals(5.0, c.measurement().roi().edgeMarginMm());
        assertEquals(2.0, c.measurement().roi().vesselRimPixels());
        assertEquals("site-a", c.measurement().staging().name());
        assertEquals(0.15, c.measurement().review().maxDlPhysicsDifference(), 1e-12);
        assertEquals(3.5, c.measurement().review().minRoiAreaCm2());
        assertEquals(0.20, c.measurement().review().minConfidenceCoverage(), 1e-12);

        AppConfig j = ConfigLoader.load(null, new JsonObject().put("measurement",
                new JsonObject().put("stagingTable", "jmir2025")));
        assertEquals("jmir2025", j.measurement().staging().name());
    }

    @Test
    void badMeasurementValuesAreErrorsNamingTheKey() {
        ConfigException margin = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
                new JsonObject().put("measurement", new JsonObject().put("edgeMarginMm", -1))));
        assertTrue(margin.getMessage().contains("measurement.edgeMarginMm"), margin.getMessage());
        ConfigException coverage = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
                new JsonObject().put("measurement", new JsonObject().put("review",
                        new JsonObject().put("minConfidenceCoveragePercent", 150)))));
        assertTrue(coverage.getMessage().contains("measurement.review"), coverage.getMessage());
        ConfigException table = assertThrows(ConfigException.class, () -> ConfigLoader.load(null,
                new JsonObject().put("measurement", new JsonObject().put("stagingTable", dir.resolve("none.txt").toString()))));
        assertTrue(table.getMessage().contains("measurement.stagingTable"), table.getMessage());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingTheKey() throws Exception {
        Path f = file("{\"dicom\": {\"prot\": 104}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, new JsonObject()));
        assertTrue(e.getMessage().contains("'dicom.prot'"), e.getMessage());
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() throws Exception {
        Path f = file("{\"spoool\": {}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, new JsonObject()));
        assertTrue(e.getMessage().contains("'spoool'"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeNamesKeyAndValue() throws Exception {
        Path f = file("{\"dicom\": {\"port\": \"eleven\"}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, new JsonObject()));
        assertTrue(e.getMessage().contains("'dicom.port'") && e.getMessage().contains("eleven"), e.getMessage());
    }

    @Test
    void invalidJsonNamesTheFile() throws Exception {
        Path f = file("{\"dicom\": ");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, new JsonObject()));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void tlsEnabledWithoutKeyMaterialIsAnError() throws Exception {
        Path f = file("{\"dicom\": {\"tls\": {\"enabled\": true}}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, new JsonObject()));
        assertTrue(e.getMessage().contains("certChainPem"), e.getMessage());
    }

    @Test
    void aBadDestinationIsAnErrorNamingItsIndex() throws Exception {
        Path f = file("{\"destinations\": [\"PACS@host:0\"]}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, new JsonObject()));
        assertTrue(e.getMessage().contains("destinations[0]"), e.getMessage());
    }

    @Test
    void theDocumentationHoldsTheCurrentKeyTable() throws Exception {
        Path doc = Path.of("../../docs/configuration.md");
        String text = Files.readString(doc);
        assertTrue(text.contains(ConfigKeys.markdownTable()),
                "docs/configuration.md is out of date; paste ConfigKeys.markdownTable() into it:\n"
                        + ConfigKeys.markdownTable());
    }
}
