// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Which inference backends this process has: the active one (ONNX Runtime on the CPU) and the GPU
 * backends that are absent. Exists so the appliance can say what it runs on in its output and
 * logs; a missing GPU backend is reported, never an error (TensorRT comes with a later issue).
 */
public final class Backends {
    private Backends() {
    }

    /**
     * The active backend and what is missing.
     *
     * @param active  e.g. "onnxruntime-cpu"
     * @param version ONNX Runtime's native version
     * @param threads intra-op threads of the sessions
     * @param absent  GPU backends not present in this build, e.g. "tensorrt", "cuda"
     */
    public record Report(String active, String version, int threads, List<String> absent) {
        public Report {
            absent = List.copyOf(absent);
        }

        /** "onnxruntime-cpu 1.29.0, 2 threads". */
        public String describe() {
            return active + " " + version + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    /** Loads the native runtime if needed and reports it. */
    public static Report report(RuntimeOptions options) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        EnumSet<OrtProvider> have = OrtEnvironment.getAvailableProviders();
        List<String> absent = new ArrayList<>();
        if (!have.contains(OrtProvider.TENSOR_RT)) {
            absent.add("tensorrt");
        }
        if (!have.contains(OrtProvider.CUDA)) {
            absent.add("cuda");
        }
        return new Report("onnxruntime-cpu", env.getVersion(), options.intraOpThreads(), absent);
    }
}
