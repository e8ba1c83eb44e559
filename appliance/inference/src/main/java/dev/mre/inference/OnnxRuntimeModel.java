// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Model} on ONNX Runtime's CPU execution provider. The session is created once from the
 * verified bytes of model.onnx ({@link ModelPackage#verifiedModelBytes}), with the thread count and
 * graph optimisation level of {@link RuntimeOptions}; {@link #run} feeds the slices in batches of
 * {@code batchSize} along the dynamic batch axis. The input and output names and the input channel
 * count are checked against the manifest when loading, so a mismatch is a load error, not a
 * failure on the first exam.
 */
public final class OnnxRuntimeModel implements Model {
    private final ModelPackage pkg;
    private final OrtSession session;
    private final RuntimeOptions options;
    private final String backend;

    private OnnxRuntimeModel(ModelPackage pkg, OrtSession session, RuntimeOptions options, String backend) {
        this.pkg = pkg;
        this.session = session;
        this.options = options;
        this.backend = backend;
    }

    /** Verifies the model's hash again, then creates the session. */
    public static OnnxRuntimeModel load(ModelPackage pkg, RuntimeOptions options) throws ModelPackageException {
        byte[] bytes = pkg.verifiedModelBytes();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(level(options.optimisation()));
            session = env.createSession(bytes, so);
        } catch (OrtException e) {
            throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE,
                    pkg.modelFile() + ": ONNX Runtime cannot load it: " + e.getMessage(), e);
        }
        try {
            check(pkg, session);
        } catch (ModelPackageException e) {
            close(session);
            throw e;
        }
        return new OnnxRuntimeModel(pkg, session, options, Backends.report(options).describe());
    }

    private static void check(ModelPackage pkg, OrtSession session) throws ModelPackageException {
        Manifest.Onnx o = pkg.manifest().onnx();
        if (!session.getInputNames().equals(Set.of(o.inputName()))
                || !session.getOutputNames().contains(o.outputName())) {
            throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE, pkg.modelFile()
                    + " has inputs " + session.getInputNames() + " and outputs " + session.getOutputNames()
                    + "; the manifest names input \"" + o.inputName() + "\" and output \"" + o.outputName() + "\"");
        }
        try {
            NodeInfo in = session.getInputInfo().get(o.inputName());
            if (in.getInfo() instanceof TensorInfo t) {
                long[] shape = t.getShape();
                int c = pkg.manifest().input().channels().size();
                if (shape.length != 4 || (shape[1] > 0 && shape[1] != c)) {
                    throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE, pkg.modelFile()
                            + " takes input of shape " + Arrays.toString(shape) + "; the manifest lists " + c
                            + " channels of " + pkg.manifest().input().height() + "x" + pkg.manifest().input().width());
                }
            }
        } catch (OrtException e) {
            throw new ModelPackageException(ModelPackageException.Reason.INCOMPATIBLE,
                    pkg.modelFile() + ": cannot read its input description: " + e.getMessage(), e);
        }
    }

    @Override
    public ModelPackage modelPackage() {
        return pkg;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public float[][] run(float[][] inputs) throws InferenceException {
        Manifest.Input in = pkg.manifest().input();
        int per = in.channels().size() * in.height() * in.width();
        for (int s = 0; s < inputs.length; s++) {
            if (inputs[s].length != per) {
                throw new InferenceException("slice " + s + " has " + inputs[s].length + " input values; "
                        + pkg + " takes " + in.channels().size() + "x" + in.height() + "x" + in.width());
            }
        }
        float[][] out = new float[inputs.length][];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (int from = 0; from < inputs.length; from += options.batchSize()) {
            int n = Math.min(options.batchSize(), inputs.length - from);
            FloatBuffer buf = FloatBuffer.allocate(n * per);
            for (int s = 0; s < n; s++) {
                buf.put(inputs[from + s]);
            }
            buf.flip();
            long[] shape = {n, in.channels().size(), in.height(), in.width()};
            try (OnnxTensor t = OnnxTensor.createTensor(env, buf, shape);
                 OrtSession.Result r = session.run(Map.of(pkg.manifest().onnx().inputName(), t))) {
                OnnxValue v = r.get(pkg.manifest().onnx().outputName()).orElseThrow();
                if (!(v instanceof OnnxTensor ot) || ot.getInfo().getShape()[0] != n) {
                    throw new InferenceException(pkg + ": output \"" + pkg.manifest().onnx().outputName()
                            + "\" is not a float tensor with batch " + n);
                }
                FloatBuffer fb = ot.getFloatBuffer();
                int k = fb.remaining() / n;
                for (int s = 0; s < n; s++) {
                    out[from + s] = new float[k];
                    fb.get(out[from + s]);
                }
            } catch (OrtException e) {
                throw new InferenceException(pkg + ": ONNX Runtime failed on slices " + from + ".." + (from + n - 1)
                        + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        close(session);
    }

    private static void close(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not release a session: " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions.OptLevel level(RuntimeOptions.Optimisation o) {
        return switch (o) {
            case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
        };
    }
}
