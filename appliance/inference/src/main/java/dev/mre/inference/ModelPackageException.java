// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

/**
 * A model package that cannot be used: the message names the file and says what is wrong and what
 * to do; {@link #reason()} lets a caller choose its exit code or status. Nothing of a package that
 * failed is ever loaded.
 */
public final class ModelPackageException extends Exception {
    /** Why the package was refused. */
    public enum Reason {
        /** The folder, manifest.json, model.onnx or MODEL_CARD.md is missing or unreadable. */
        MISSING,
        /** manifest.json is not valid JSON or breaks the contract (docs/design/model-packages.md). */
        MALFORMED,
        /** model.onnx does not have the SHA-256 the manifest states: changed or corrupted. */
        TAMPERED,
        /** ONNX Runtime refused the model, or its inputs and outputs do not match the manifest. */
        INCOMPATIBLE,
        /** The package's parity/ fixture is not reproduced within the contract's tolerance ({@link Parity}). */
        PARITY
    }

    private final Reason reason;

    public ModelPackageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ModelPackageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
