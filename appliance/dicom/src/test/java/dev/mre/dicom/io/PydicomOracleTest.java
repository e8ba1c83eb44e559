// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The oracle: every non-corrupt .dcm file bundled with pydicom is read by our reader and by
 * pydicom (via /usr/bin/python3 and pydicom_oracle.py), and every element's tag, VR and value must
 * agree. Fails (never skips) when /usr/bin/python3 or pydicom is missing: CI installs
 * python3-pydicom.
 */
@Tag("slow")
class PydicomOracleTest {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    /** Files corrupt on purpose, and why; each must give a DicomParseException naming file and offset. */
    static final Map<String, String> CORRUPT = Map.of(
            "MR_truncated.dcm", "Pixel Data cut short (pydicom README: truncated on purpose)",
            "rtplan_truncated.dcm", "truncated inside a sequence (pydicom README)",
            "no_meta.dcm", "starts with a stray 0x20 byte before (0008,0005): no element header parses;"
                    + " pydicom with force=True returns one meaningless UN element");

    @Test
    void readsEveryPydicomTestFileLikePydicomDoes() throws Exception {
        assertTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is required (apt-get install python3-pydicom)");
        List<Path> files = dicomFiles();
        List<Path> good = files.stream().filter(p -> !CORRUPT.containsKey(p.getFileName().toString())).toList();
        JsonObject oracle = runPydicom(good);
        JsonArray results = oracle.getJsonArray("files");
        assertEquals(good.size(), results.size());
        List<String> mismatches = new ArrayList<>();
        int elements = 0;
        int raw = 0;
        for (int k = 0; k < good.size(); k++) {
            JsonObject theirs = results.getJsonObject(k);
            Path file = good.get(k);
            assertEquals(file.toString(), theirs.getString("path"));
            if (theirs.containsKey("error")) {
                mismatches.add(file + ": pydicom failed: " + theirs.getString("error"));
                continue;
            }
            DicomFile ours;
            try {
                ours = DicomReader.readFile(file);
            } catch (IOException e) {
                mismatches.add(file + ": we failed: " + e.getMessage());
                continue;
            }
            OracleComparison c = new OracleComparison(file.getFileName().toString(),
                    theirs.getBoolean("implicitVR"));
            c.compare("meta", ours.fileMeta(), theirs.getJsonArray("meta"));
            c.compare("", ours.dataset(), theirs.getJsonArray("dataset"));
            mismatches.addAll(c.mismatches);
            elements += c.elements;
            raw += c.rawComparisons;
        }
        System.out.printf("pydicom oracle (pydicom %s): %d files, %d elements compared (%d by raw bytes),"
                        + " %d corrupt files checked separately%n",
                oracle.getString("pydicom"), good.size(), elements, raw, CORRUPT.size());
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches:\n" + String.join("\n",
                mismatches.subList(0, Math.min(60, mismatches.size()))));
        assertTrue(good.size() >= 80 && elements > 5000, "too few files or elements compared");
    }

    @Test
    void rejectsDeliberatelyCorruptFilesNamingFileAndOffset() throws Exception {
        for (String name : CORRUPT.keySet()) {
            Path file = PYDICOM_DATA.resolve("test_files").resolve(name);
            DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.readFile(file), name);
            assertEquals(file.toString(), e.source());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("offset " + e.offset()), e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= Files.size(file), e.getMessage());
            System.out.println("corrupt as expected: " + e.getMessage());
        }
    }

    /** Only *.dcm: test_files also holds JSON, dcmdump text and zipMR.gz (gzip), which are not DICOM. */
    static List<Path> dicomFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("test_files", "charset_files")) {
            try (Stream<Path> s = Files.list(PYDICOM_DATA.resolve(dir))) {
                s.filter(p -> p.getFileName().toString().endsWith(".dcm")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 80, "pydicom test files not found under " + PYDICOM_DATA);
        return files;
    }

    private static JsonObject runPydicom(List<Path> files) throws Exception {
        Path script = Path.of(PydicomOracleTest.class.getResource("pydicom_oracle.py").toURI());
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pydicom_oracle.py timed out");
        assertEquals(0, p.exitValue(), "pydicom_oracle.py failed (is python3-pydicom installed?)");
        return new JsonObject(new String(out, StandardCharsets.UTF_8));
    }
}
