// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

/**
 * A loaded model: runs the network on a batch of preprocessed slices. Loaded once, reused for
 * every exam, closed when the process ends. Implementations are safe for concurrent {@link #run}.
 */
public interface Model extends AutoCloseable {

    /** The verified package the model was loaded from. */
    ModelPackage modelPackage();

    /**
     * Runs the network. Each element of {@code inputs} is one slice's {@code C x h x w} input
     * (row-major, as {@link Preprocessor#apply} makes it); each element of the result is that
     * slice's raw {@code K x h x w} output, before any activation.
     */
    float[][] run(float[][] inputs) throws InferenceException;

    /** The backend in words, e.g. "onnxruntime-cpu 1.29.0, 2 threads". */
    String backend();

    /** Releases the native session; the model cannot run afterwards. */
    @Override
    void close();
}
