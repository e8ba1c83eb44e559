// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.inference.InferenceException;
import dev.mre.inference.Manifest;
import dev.mre.inference.Model;
import dev.mre.inference.Predictor;
import dev.mre.inference.SliceInput;
import dev.mre.inference.SliceOutput;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the loaded {@link DlModels} on one exam: the DL liver mask from {@value DlModels#LIVER}
 * and the DL stiffness map (kPa) from {@value DlModels#STIFFNESS}, per slice at the exam's size.
 * A model whose inputs the exam cannot provide (no vendor elastogram, too few phase offsets) is
 * skipped with the reason; that is reported, not an error.
 */
public final class DlInference {
    private DlInference() {
    }

    /**
     * What the models gave for one exam.
     *
     * @param liver     per slice liver mask, or empty when the liver model did not run
     * @param stiffness per slice stiffness in kPa, or empty when the stiffness model did not run
     * @param ran       model name to "name version" for the models that ran
     * @param skipped   models that were loaded but not run on this exam, and why
     */
    public record Result(List<boolean[]> liver, List<float[]> stiffness, Map<String, String> ran,
                         List<DlModels.Absent> skipped) {
        public Result {
            liver = List.copyOf(liver);
            stiffness = List.copyOf(stiffness);
            ran = Map.copyOf(ran);
            skipped = List.copyOf(skipped);
        }
    }

    /** Runs every loaded model on the exam. */
    public static Result run(DlModels models, ExamReading reading) throws InferenceException {
        List<SliceInput> slices = slices(reading);
        List<boolean[]> liver = List.of();
        List<float[]> stiffness = List.of();
        Map<String, String> ran = new LinkedHashMap<>();
        List<DlModels.Absent> skipped = new ArrayList<>();
        for (Map.Entry<String, Model> e : models.loaded().entrySet()) {
            String name = e.getKey();
            Manifest m = e.getValue().modelPackage().manifest();
            String missing = missingInput(m, reading);
            if (missing != null) {
                skipped.add(new DlModels.Absent(name, missing));
                continue;
            }
            List<SliceOutput> out = new Predictor(e.getValue()).predict(slices);
            ran.put(name, e.getValue().modelPackage().toString());
            if (name.equals(DlModels.LIVER)) {
                String ch = first(m, "mask");
                liver = out.stream().map(o -> o.masks().get(ch)).toList();
            } else if (name.equals(DlModels.STIFFNESS)) {
                String ch = first(m, "map");
                stiffness = out.stream().map(o -> o.maps().get(ch)).toList();
            }
        }
        return new Result(liver, stiffness, ran, skipped);
    }

    /** The exam's slices as the inference module's plain records. */
    static List<SliceInput> slices(ExamReading reading) {
        MreExam exam = reading.exam();
        List<SliceInput> out = new ArrayList<>();
        for (int i = 0; i < exam.slices().size(); i++) {
            MreSlice s = exam.slices().get(i);
            float[] el = reading.elastogram().present() ? reading.elastogram().kpa().get(i) : null;
            out.add(new SliceInput(s.magnitude(), s.phase(), el, exam.rows(), exam.cols()));
        }
        return out;
    }

    private static String missingInput(Manifest m, ExamReading reading) {
        int offsets = reading.exam().slices().get(0).offsets();
        for (Manifest.Channel c : m.input().channels()) {
            if (c.source().equals("elastogram_kpa") && !reading.elastogram().present()) {
                return "needs the vendor elastogram: " + reading.elastogram().source();
            }
            if (c.source().startsWith("phase_") && c.offset() >= offsets) {
                return "needs phase offset " + c.offset() + ", the exam has " + offsets + " offsets";
            }
        }
        return null;
    }

    private static String first(Manifest m, String kind) {
        return m.output().channels().stream().filter(c -> c.kind().equals(kind)
                && (kind.equals("mask") || c.units().equals("kPa"))).findFirst().orElseThrow().name();
    }
}
