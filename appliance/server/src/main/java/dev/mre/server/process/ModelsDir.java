// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code process} looks for model packages when {@code --models} is not given: the first
 * folder named {@code models} found walking up from the appliance's own code (the jar's folder
 * and up to four parents, the classes folder of a build included, so {@code appliance/target/mre-appliance.jar} finds the repository's
 * {@code models/} and {@code /opt/mre/mre-appliance.jar} finds {@code /opt/mre/models}), else
 * {@code models} in the working folder (which may not exist: then every model is absent).
 */
public final class ModelsDir {
    private ModelsDir() {
    }

    /** The option's folder when given, else the default above. */
    public static Path resolve(String option) {
        if (option != null) {
            return Path.of(option);
        }
        Path found = search(codeLocation());
        return found != null ? found : Path.of("models");
    }

    /** The first {@code models} folder in {@code start} or up to four folders above it; null if none. */
    static Path search(Path start) {
        Path dir = start;
        for (int up = 0; dir != null && up < 5; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("models");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path codeLocation() {
        try {
            Path p = Path.of(ModelsDir.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
