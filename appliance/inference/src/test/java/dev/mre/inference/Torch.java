// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Test oracle: PyTorch itself (Debian's /usr/bin/python3 with python3-torch), asked to resize
 * planes with {@code F.interpolate(mode="bilinear", align_corners=False)}; all planes go through
 * one Python process (importing torch takes seconds). A missing PyTorch fails the test (install
 * python3-torch); it is never skipped.
 */
final class Torch {
    /** One resize to ask for. */
    record Case(float[] src, int h, int w, int oh, int ow) {
    }

    private static final String SCRIPT = String.join("\n",
            "import sys, torch",
            "lines = sys.stdin.read().split('\\n')",          // all input first: no pipe deadlock
            "out = []",
            "for c in range(int(lines[0])):",
            "    h, w, oh, ow = map(int, lines[1 + 2 * c].split())",
            "    v = torch.tensor([float(x) for x in lines[2 + 2 * c].split()], dtype=torch.float32)",
            "    y = torch.nn.functional.interpolate(v.reshape(1, 1, h, w), size=(oh, ow), mode='bilinear',"
                    + " align_corners=False)",
            "    out.append(' '.join(repr(float(x)) for x in y.flatten().tolist()))",
            "print('\\n'.join(out))");

    private Torch() {
    }

    static List<float[]> bilinear(List<Case> cases) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", SCRIPT).redirectErrorStream(true).start();
        StringBuilder in = new StringBuilder(cases.size() + "\n");
        for (Case c : cases) {
            in.append(String.format(Locale.ROOT, "%d %d %d %d%n", c.h(), c.w(), c.oh(), c.ow()));
            for (float v : c.src()) {
                in.append(Float.toString(v)).append(' ');
            }
            in.append('\n');
        }
        try (OutputStream o = p.getOutputStream()) {
            o.write(in.toString().getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("/usr/bin/python3 with torch failed (install python3-torch): " + out);
        }
        List<float[]> results = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            float[] r = new float[parts.length];
            for (int k = 0; k < parts.length; k++) {
                r[k] = Float.parseFloat(parts[k]);
            }
            results.add(r);
        }
        return results;
    }
}
