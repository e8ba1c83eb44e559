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
