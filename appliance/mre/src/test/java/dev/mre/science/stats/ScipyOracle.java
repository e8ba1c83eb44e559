// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The independent reference: requests written to a temp file, answered by /usr/bin/python3 running
 * scipy_oracle.py (numpy + scipy), answers parsed back. Missing python3 or scipy fails the test:
 * the oracle is part of the test, not an optional extra (Debian: python3-scipy).
 */
final class ScipyOracle {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private final StringBuilder requests = new StringBuilder();

    /** Adds a request line: kind, id, then the numbers (Double.toString round-trips exactly). */
    ScipyOracle ask(String kind, String id, double... numbers) {
        requests.append(kind).append(' ').append(id);
        for (double x : numbers) {
            requests.append(' ').append(Double.toString(x));
        }
        requests.append('\n');
        return this;
    }

    /** Adds a request line with pre-formatted fields. */
    ScipyOracle askRaw(String kind, String id, List<String> fields) {
        requests.append(kind).append(' ').append(id).append(' ').append(String.join(" ", fields)).append('\n');
        return this;
    }

    /** Runs the oracle once over every request; answers by id, then by key. */
    Map<String, Map<String, Double>> run() throws IOException, InterruptedException, URISyntaxException {
        assertTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is required for the scipy oracle (apt-get install python3-scipy)");
        var script = getClass().getResource("scipy_oracle.py");
        assertNotNull(script, "scipy_oracle.py missing from test resources");
        Path dir = Files.createTempDirectory("scipy-oracle");
        try {
            Path in = Files.writeString(dir.resolve("requests.txt"), requests);
            Path out = dir.resolve("answers.txt");
            Process p = new ProcessBuilder(PYTHON.toString(), Path.of(script.toURI()).toString(), in.toString(), out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "scipy oracle timed out");
            assertEquals(0, p.exitValue(), "scipy oracle failed (is python3-scipy installed?):\n" + log);
            Map<String, Map<String, Double>> answers = new HashMap<>();
            for (String line : Files.readAllLines(out)) {
                String[] f = line.split(" ");
                Map<String, Double> values = new LinkedHashMap<>();
                for (int i = 1; i < f.length; i++) {
                    String[] kv = f[i].split("=", 2);
                    values.put(kv[0], Double.parseDouble(kv[1]));
                }
                answers.put(f[0], values);
            }
            return answers;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /**
     * Asserts |actual - expected| &lt;= rel * max(|actual|, |expected|) + abs. The absolute term is
     * for values that are zero up to rounding (a bias of two nearly equal methods).
     */
    static void assertClose(double expected, double actual, double rel, double abs, String what) {
        double tolerance = rel * Math.max(Math.abs(expected), Math.abs(actual)) + abs;
        assertTrue(Math.abs(actual - expected) <= tolerance,
                what + ": expected " + expected + " but was " + actual + " (difference " + Math.abs(actual - expected)
                        + ", tolerance " + tolerance + ")");
    }
}
