// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.server.testing.MrObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpCommandTest {
    @TempDir
    Path dir;

    @Test
    void aValidFileIsListedElementByElement() throws Exception {
        Path f = MrObjects.write(dir.resolve("a.dcm"), MrObjects.dataset("1.2.3.5001"));
        CliTest.Run r = CliTest.main("dump", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(0008,0018) UI [1.2.3.5001]"), r.out());
        assertTrue(r.out().contains("(0002,0010) UI [1.2.840.10008.1.2.1]"), r.out());
    }

    @Test
    void aTruncatedFileExits65NamingTheFileAndTheOffset() throws Exception {
        Path f = MrObjects.write(dir.resolve("a.dcm"), MrObjects.dataset("1.2.3.5002"));
        byte[] whole = Files.readAllBytes(f);
        Path cut = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(whole, whole.length - 100));
        CliTest.Run r = CliTest.main("dump", cut.toString());
        assertEquals(ExitCode.DATA_ERROR, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(cut.toString()) && r.err().contains("offset"), r.err());
    }

    @Test
    void aMissingFileExits66() {
        assertEquals(ExitCode.NO_INPUT, CliTest.main("dump", dir.resolve("none.dcm").toString()).exit());
    }
}
