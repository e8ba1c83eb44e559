// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.server.testing.Dcmtk;
import java.nio.file.Path;
import java.util.List;

/** Test helper: dciodvfy (dicom3tools) and the Debian python3 (pydicom, numpy) as peers. */
final class Peers {
    private Peers() {
    }

    static Dcmtk.Result run(List<String> cmd) throws Exception {
        return Dcmtk.command(cmd, "install the peers (bash .ci/install-peers: dicom3tools, python3-pydicom)", 120);
    }

    static Dcmtk.Result dciodvfy(Path file) throws Exception {
        return run(List.of("/usr/bin/dciodvfy", file.toString()));
    }
}
