// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.inference.SliceInput;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhaseScaling;
import java.util.ArrayList;
import java.util.List;

/**
 * One exam of the held-out test split, as arrays (no DICOM): the unit the evaluation scores.
 *
 * @param seed             the batch seed that generated it
 * @param stage            fibrosis stage, "F0".."F4"
 * @param vendor           DICOM flavour of the batch exam ("GE", "SIEMENS"); the arrays do not depend on it
 * @param rows             image rows
 * @param cols             image columns
 * @param pixelMm          square pixel spacing, mm
 * @param sliceThicknessMm slice thickness, mm
 * @param frequencyHz      driver frequency, Hz
 * @param slices           the slices, most cranial first
 */
public record EvalExam(long seed, String stage, String vendor, int rows, int cols, double pixelMm,
                       double sliceThicknessMm, double frequencyHz, List<EvalSlice> slices) {

    public EvalExam {
        slices = List.copyOf(slices);
    }

    /** The slices as the inference module's input records. */
    public List<SliceInput> modelInputs() {
        return slices.stream().map(EvalSlice::input).toList();
    }

    /** The physics path's input: the same magnitude and phase, phase already in radians. */
    public MreExam physicsInput() {
        List<MreSlice> out = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            SliceInput in = slices.get(i).input();
            out.add(new MreSlice(i, slices.get(i).zMm() / 1000, sliceThicknessMm / 1000, in.magnitude(), in.phaseRad()));
        }
        return new MreExam(rows, cols, pixelMm / 1000, pixelMm / 1000, frequencyHz, PhaseScaling.radians(), out);
    }

    /** Mean true |G*| over every ideal-ROI pixel of the exam (the simulator's roi_kpa), kPa. */
    public double idealRoiTruthKpa() {
        double sum = 0;
        long n = 0;
        for (EvalSlice s : slices) {
            for (int k = 0; k < s.truthRoi().length; k++) {
                if (s.truthRoi()[k]) {
                    sum += s.truthKpa()[k];
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
