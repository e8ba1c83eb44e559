// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

/**
 * A slice batch that a loaded model cannot run on: inputs that do not fit the manifest (a missing
 * elastogram, a wrong size with resize "none", too few phase offsets) or an ONNX Runtime failure.
 * The message says which slice and which channel or runtime call.
 */
public final class InferenceException extends Exception {
    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
