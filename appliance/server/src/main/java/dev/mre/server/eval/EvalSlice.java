// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.inference.SliceInput;

/**
 * One slice of a held-out exam: what the models and the inversion read, and its ground truth.
 * Arrays are row-major and not copied.
 *
 * @param zMm              slice position along the feet-head axis, mm
 * @param input            magnitude, phase (radians) and the confidence-masked vendor elastogram (kPa,
 *                         0 outside the mask), exactly as the training code read them
 * @param vendorConfidence the vendor's confidence mask (where its elastogram is reported)
 * @param truthKpa         true |G*|, kPa
 * @param truthRoi         the ideal measurement ROI (the ROI models' target)
 * @param truthLiver       liver parenchyma, label 3 (the liver models' target)
 */
public record EvalSlice(double zMm, SliceInput input, boolean[] vendorConfidence, float[] truthKpa, boolean[] truthRoi,
                        boolean[] truthLiver) {

    /** The vendor elastogram (kPa) with NaN outside its confidence mask, so a measurement skips those pixels. */
    public float[] vendorElastogramKpa() {
        float[] el = input.elastogramKpa();
        float[] out = new float[el.length];
        for (int k = 0; k < el.length; k++) {
            out[k] = vendorConfidence[k] ? el[k] : Float.NaN;
        }
        return out;
    }
}
