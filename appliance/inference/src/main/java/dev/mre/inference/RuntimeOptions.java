// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

/**
 * How a model is run.
 *
 * @param intraOpThreads threads one operator may use (the appliance box has few cores: 2 by default)
 * @param optimisation   ONNX Runtime graph optimisation level
 * @param batchSize      slices per network call; an exam of more slices is run in several calls
 */
public record RuntimeOptions(int intraOpThreads, Optimisation optimisation, int batchSize) {

    /** ONNX Runtime's graph optimisation levels. */
    public enum Optimisation { NONE, BASIC, EXTENDED, ALL }

    public RuntimeOptions {
        if (intraOpThreads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be >= 1, got " + intraOpThreads + " and "
                    + batchSize);
        }
    }

    /** 2 threads, all graph optimisations, batches of 4 slices (one typical exam). */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(2, Optimisation.ALL, 4);
    }

    /** The same options with another thread count. */
    public RuntimeOptions withThreads(int threads) {
        return new RuntimeOptions(threads, optimisation, batchSize);
    }
}
