// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed dictionary resources are exactly what the generator writes from the installed
 * pydicom. Fails (never skips) without /usr/bin/python3 and pydicom: CI installs python3-pydicom.
 */
class DictionaryResourceTest {
    /** Maven runs tests with the module directory as working directory. */
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void committedDictionaryEqualsFreshlyGeneratedOne(@TempDir Path out) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "/usr/bin/python3 is required (apt-get install python3-pydicom)");
        Path script = MODULE.resolve("src/dict/generate_dictionary.py");
        assertTrue(Files.exists(script), "generator not found at " + script);
        Process p = new ProcessBuilder(python.toString(), script.toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, p.exitValue(), "generator failed (is python3-pydicom installed?):\n" + log);
        Path committed = MODULE.resolve("src/main/resources/dev/mre/dicom/data");
        for (String name : new String[] {"elements.tsv", "uids.tsv"}) {
            String fresh = Files.readString(out.resolve(name));
            assertTrue(fresh.startsWith("# GENERATED FILE - DO NOT EDIT BY HAND."), name);
            assertEquals(fresh, Files.readString(committed.resolve(name)),
                    name + " differs from the generator's output: regenerate it, never edit by hand");
        }
    }
}
