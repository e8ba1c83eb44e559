// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test helper: the committed tiny test package, the repository's models/ and folder copies. */
final class Packages {
    /** The tiny package made by src/test/python/make_test_package.py (surefire runs in the module folder). */
    static final Path TEST_PACKAGE = Path.of("src/test/resources/test-package");
    /** models/ at the repository root. */
    static final Path REPO_MODELS = Path.of("../../models");

    private Packages() {
    }

    /** Copies the test package to {@code parent/name} and returns the copy. */
    static Path copy(Path parent, String name) throws IOException {
        Path to = parent.resolve(name);
        try (Stream<Path> s = Files.walk(TEST_PACKAGE)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(TEST_PACKAGE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
