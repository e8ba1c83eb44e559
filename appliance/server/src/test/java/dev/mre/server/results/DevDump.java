package dev.mre.server.results;

import java.nio.file.Files;
import java.nio.file.Path;

class DevDump {
    @org.junit.jupiter.api.Test
    void dump() throws Exception {
        Path dir = Path.of("/tmp/results-dev");
        Files.createDirectories(dir);
        for (ResultObject o : ResultObjects.write(ResultFixtures.anatomical(), ResultOptions.defaults())) {
            Files.write(dir.resolve(o.kind().shortName() + "-" + o.sopInstanceUid().substring(5, 12) + ".dcm"), o.part10());
        }
    }
}
