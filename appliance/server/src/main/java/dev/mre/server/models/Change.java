// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import java.nio.file.Path;

/**
 * What one install or rollback did to a models folder, for the command's output and the folder's
 * history log: the model, the version (and ONNX SHA-256) that was active before and the one that is
 * active now, and where the one it replaced is kept.
 *
 * @param action what happened
 * @param name   the model package name
 * @param from   the package active before; null when there was none
 * @param to     the package active now
 * @param keptAt where {@code from} is kept for rollback; null when nothing was replaced
 */
public record Change(Action action, String name, Version from, Version to, Path keptAt) {

    /** What happened. */
    public enum Action { INSTALLED, UNCHANGED, ROLLED_BACK }

    /** A package version and the SHA-256 of its ONNX as its manifest states it. */
    public record Version(String version, String sha256) {
        @Override
        public String toString() {
            return version + " (sha256 " + sha256 + ")";
        }
    }

    /** One greppable line: "installed liver-seg-edge 1.0.1 (sha256 ...), replacing 1.0.0 (sha256 ...), kept in DIR". */
    public String describe() {
        String what = switch (action) {
            case INSTALLED -> "installed";
            case UNCHANGED -> "unchanged";
            case ROLLED_BACK -> "rolled back";
        };
        String line = what + " " + name + (action == Action.ROLLED_BACK ? " to " : " ") + to;
        if (action == Action.UNCHANGED) {
            return line + ": this version with the same content is already active";
        }
        if (from == null) {
            return line + (action == Action.ROLLED_BACK ? " (no package was active)" : " (no previous version)");
        }
        return line + ", replacing " + from + ", kept in " + keptAt;
    }
}
