// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.pipeline;

import dev.mre.inference.ModelPackageException;
import dev.mre.inference.RuntimeOptions;
import dev.mre.server.process.DlInference;
import dev.mre.server.process.DlModels;
import dev.mre.server.process.ExamReading;
import dev.mre.server.results.ExamResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed model packages (liver segmentation, DL stiffness) on ONNX Runtime, loaded once at
 * start-up and reused for every exam. A package that is installed but broken or tampered stops
 * the start with its reason; a package that is not installed is reported and skipped.
 */
public final class OnnxDeepModels implements DeepModels, AutoCloseable {
    private final DlModels models;

    private OnnxDeepModels(DlModels models) {
        this.models = models;
    }

    public static DeepModels load(Path dir, RuntimeOptions options) throws ModelPackageException {
        DlModels m = DlModels.load(dir, options);
        if (m.loaded().isEmpty()) {
            m.close();
            return DeepModels.none();
        }
        return new OnnxDeepModels(m);
    }

    @Override
    public Output run(ExamReading reading) throws Exception {
        DlInference.Result r = DlInference.run(models, reading);
        boolean[][] liver = r.liver().isEmpty() ? null : r.liver().toArray(new boolean[0][]);
        float[][] stiffness = r.stiffness().isEmpty() ? null : r.stiffness().toArray(new float[0][]);
        String source = liver == null ? "none (" + r.skipped() + ")" : r.ran().get(DlModels.LIVER);
        return new Output(liver, stiffness, source);
    }

    @Override
    public List<ExamResult.Model> models() {
        List<ExamResult.Model> out = new ArrayList<>();
        models.loaded().forEach((name, m) -> out.add(new ExamResult.Model(name, m.modelPackage().manifest().version())));
        return out;
    }

    @Override
    public String describe() {
        return models.loaded().keySet() + " on " + models.backend() + "; absent: " + models.absent();
    }

    @Override
    public void warmUp(int slices) throws Exception {
        for (dev.mre.inference.Model m : models.loaded().values()) {
            dev.mre.inference.Manifest.Input in = m.modelPackage().manifest().input();
            float[][] batch = new float[slices][in.channels().size() * in.height() * in.width()];
            m.run(batch);
        }
    }

    @Override
    public void close() {
        models.close();
    }
}
