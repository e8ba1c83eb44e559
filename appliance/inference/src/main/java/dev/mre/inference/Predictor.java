// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * Slices in, masks and maps out: {@link Preprocessor}, the {@link Model}, {@link Postprocessor},
 * in that order, as one model package prescribes. The composition in one screen.
 */
public final class Predictor {
    private final Model model;
    private final Preprocessor pre;
    private final Postprocessor post;

    public Predictor(Model model) {
        this.model = model;
        Manifest m = model.modelPackage().manifest();
        this.pre = new Preprocessor(m.input());
        this.post = new Postprocessor(m);
    }

    /** Runs every slice of an exam through the model (batched); results in slice order. */
    public List<SliceOutput> predict(List<SliceInput> slices) throws InferenceException {
        float[][] inputs = new float[slices.size()][];
        for (int s = 0; s < slices.size(); s++) {
            try {
                inputs[s] = pre.apply(slices.get(s));
            } catch (InferenceException e) {
                throw new InferenceException(model.modelPackage() + ", slice " + s + ": " + e.getMessage(), e);
            }
        }
        float[][] raw = model.run(inputs);
        List<SliceOutput> out = new ArrayList<>();
        for (int s = 0; s < slices.size(); s++) {
            out.add(post.apply(raw[s], slices.get(s).rows(), slices.get(s).cols()));
        }
        return out;
    }

    public Model model() {
        return model;
    }
}
