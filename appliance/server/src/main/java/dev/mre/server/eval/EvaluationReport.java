// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one evaluation run measured, for the markdown tables and the JSON.
 *
 * @param source       where the exams came from, in words
 * @param backend      the inference backend in words, or null when no model was installed
 * @param exams        exams evaluated
 * @param slices       slices evaluated
 * @param models       every model the evaluation knows, installed or not, in table order
 * @param segmentation scores by model name, for the installed models
 * @param stiffnessRoi how the stiffness ROI was built, or why stiffness was not evaluated
 * @param stiffness    agreement with the truth per method, in table order; empty when not evaluated
 * @param perExam      per-exam values
 * @param msPerSlice   mean wall time per slice by step (a model's name: pre-processing, ONNX Runtime and
 *                     post-processing; "physics": the inversion of both methods with the confidence map)
 */
public record EvaluationReport(String source, String backend, int exams, int slices, List<ModelStatus> models,
                               Map<String, SegmentationScore> segmentation, String stiffnessRoi,
                               List<StiffnessAgreement> stiffness, List<ExamRecord> perExam,
                               Map<String, Double> msPerSlice) {

    public EvaluationReport {
        models = List.copyOf(models);
        segmentation = Collections.unmodifiableMap(new LinkedHashMap<>(segmentation));
        stiffness = List.copyOf(stiffness);
        perExam = List.copyOf(perExam);
        msPerSlice = Collections.unmodifiableMap(new LinkedHashMap<>(msPerSlice));
    }

    /**
     * A model the evaluation looked for.
     *
     * @param name      package name
     * @param task      manifest task, or null when not installed
     * @param version   manifest version, or null when not installed
     * @param installed whether it was loaded and evaluated
     * @param note      why it is not installed; "" when it is
     */
    public record ModelStatus(String name, String task, String version, boolean installed, String note) {
    }

    /**
     * One exam's values.
     *
     * @param seed              batch seed
     * @param stage             fibrosis stage
     * @param vendor            DICOM flavour of the batch exam
     * @param slices            slices
     * @param idealRoiTruthKpa  true |G*| over the ideal ROI (the simulator's roi_kpa)
     * @param roiPixels         pixels of the measurement ROI over all slices (0 when stiffness was not evaluated)
     * @param stiffnessKpa      ROI stiffness by method id, {@link Evaluation#TRUTH} included; NaN for an empty ROI
     */
    public record ExamRecord(long seed, String stage, String vendor, int slices, double idealRoiTruthKpa, int roiPixels,
                             Map<String, Double> stiffnessKpa) {
        public ExamRecord {
            stiffnessKpa = Collections.unmodifiableMap(new LinkedHashMap<>(stiffnessKpa));
        }
    }
}
