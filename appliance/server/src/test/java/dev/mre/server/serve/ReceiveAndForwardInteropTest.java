// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mre.server.cli.Main;
import dev.mre.server.testing.Appliance;
import dev.mre.server.testing.Dcmtk;
import dev.mre.server.testing.Storescp;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The product-level round trip with real peers on both sides: pydicom's sample files are sent by
 * DCMTK storescu (in several transfer syntaxes) into the running appliance, which spools them;
 * the appliance's own {@code send} then forwards the spool to a DCMTK storescp. pydicom checks,
 * element by element, that what the appliance stored and what storescp received both equal the
 * original.
 */
class ReceiveAndForwardInteropTest {
    private static final Path SAMPLES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} sent with storescu {1}, forwarded to storescp {2}")
    @CsvSource({
        // explicit VR little endian, as is
        "MR_small.dcm, -xe, +xe",
        // storescu converts to implicit VR little endian; we forward implicit
        "MR_small.dcm, -xi, +xi",
        // explicit VR big endian stored as is; storescp takes only little endian, so our send transcodes
        "MR_small_bigendian.dcm, -xb, +xe",
        // RLE lossless: stored and forwarded unchanged, never decoded
        "MR_small_RLE.dcm, -xr, +xr",
        // JPEG 2000 lossless: stored and forwarded unchanged
        "MR_small_jp2klossless.dcm, -xv, +xv",
        // Segmentation (not in storescu's default list, so proposed as required): nested sequences
        "liver_1frame.dcm, -R, +xe",
    })
    void receivedAndForwardedObjectsEqualTheOriginalElementByElement(String sample, String option,
                                                                    String storescpOption) throws Exception {
        Path original = SAMPLES.resolve(sample);
        assertTrue(Files.isRegularFile(original), original + " missing: install python3-pydicom (bash .ci/install-peers)");
        try (Appliance app = Appliance.start(dir, new JsonObject())) {
            Dcmtk.Result r = Dcmtk.run("storescu", option, "-aet", "CONSOLE", "-aec", "MRE_APPLIANCE",
                    "127.0.0.1", String.valueOf(app.port()), original.toString());
            assertEquals(0, r.exitCode(), r.output());
            Path stored = onlyFile(app.spool);
            assertSameElements(original, stored);

            try (Storescp scp = Storescp.start(dir.resolve("storescp"), storescpOption)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int code = Main.run(new String[] {"send", "--to", scp.address(), app.spool.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
                assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
                List<Path> received = scp.received();
                assertEquals(1, received.size(), "storescp received " + received);
                assertSameElements(original, received.get(0));
            }
        }
    }

    private static Path onlyFile(Path root) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".dcm")).forEach(files::add);
        }
        assertEquals(1, files.size(), "spool holds " + files);
        return files.get(0);
    }

    private static void assertSameElements(Path original, Path copy) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            fail("/usr/bin/python3 with pydicom is needed (bash .ci/install-peers)");
        }
        Path script = Path.of(ReceiveAndForwardInteropTest.class.getResource("same_elements.py").toURI());
        Process p = new ProcessBuilder(python.toString(), script.toString(), original.toString(), copy.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "comparison did not finish");
        assertEquals(0, p.exitValue(), "pydicom found differences between " + original + " and " + copy + ":\n" + out);
        assertTrue(out.contains("0 differences"), out);
    }
}
