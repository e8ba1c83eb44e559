// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One model of a models folder as {@code models list} shows it: the active package (if any) and
 * the previous versions kept for rollback, newest first.
 *
 * @param name      package name (folder name)
 * @param version   active version; null when no package of that name is active
 * @param task      the manifest's task; null when not readable
 * @param onnxBytes size of the active ONNX file; -1 when it is missing
 * @param integrity whether the active ONNX has the manifest's SHA-256
 * @param used      whether the appliance's pipeline loads this model (liver-seg-edge, stiffness-unet)
 * @param kept      previous versions, newest first
 */
public record Installed(String name, String version, String task, long onnxBytes, Integrity integrity, boolean used,
                        List<Kept> kept) {

    public Installed {
        kept = List.copyOf(kept);
    }

    /** The active package's state. */
    public enum Integrity {
        /** model.onnx has the manifest's SHA-256. */
        OK,
        /** model.onnx differs from the manifest's SHA-256: serve refuses to start (exit 78). */
        BAD,
        /** The manifest names a model file that is not there (not installed: the model is absent). */
        NO_ONNX,
        /** manifest.json cannot be read or breaks the contract. */
        MALFORMED,
        /** No package of this name is active; only kept versions. */
        NONE
    }

    /**
     * A previous version kept for rollback in {@code .previous/<name>/<version>-<stamp>/}.
     *
     * @param version  the kept package's version (from its folder name)
     * @param replaced when it stopped being active (UTC)
     * @param dir      its folder
     */
    public record Kept(String version, Instant replaced, Path dir) {
    }
}
