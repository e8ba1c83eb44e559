// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.models;

/**
 * A models-folder operation that was refused before it changed anything; the message says why and
 * what to do, {@link #reason()} lets the command choose its exit code. A package that fails its
 * checks is a {@link dev.mre.inference.ModelPackageException} instead.
 */
public final class ModelsException extends Exception {
    /** Why the operation was refused. */
    public enum Reason {
        /** The active package has the same version and different content; needs --force. */
        SAME_VERSION,
        /** Rollback: no previous version of that model is kept. */
        NOTHING_KEPT,
        /** Another models command holds the folder's lock. */
        BUSY
    }

    private final Reason reason;

    public ModelsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
