// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real DCMTK tools. A missing tool fails the test (CI installs DCMTK); it never skips.
 */
final class Dcmtk {

  private Dcmtk() {}

  record Result(int exit, String output) {}

  static String tool(String name) {
    Path p = Path.of("/usr/bin", name);
    if (!Files.isExecutable(p)) {
      fail(name + " not found at " + p + ": install DCMTK (apt-get install dcmtk)");
    }
    return p.toString();
  }

  /** Runs a tool to completion (at most {@code seconds}), output and error merged. */
  static Result run(int seconds, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.set(0, tool(cmd.get(0)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "timed out: " + cmd);
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  /** Starts a long-running tool (storescp), output to {@code log}. Destroy it in a finally block. */
  static Process start(Path log, String... command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.set(0, tool(cmd.get(0)));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** dcmdump of a file without the meta header, for comparing data sets. */
  static String dump(Path file) throws IOException, InterruptedException {
    Result r = run(30, "dcmdump", "+M", "+L", file.toString());
    assertTrue(r.exit() == 0, "dcmdump failed: " + r.output());
    return r.output();
  }

  static int freePort() throws IOException {
    try (var s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
