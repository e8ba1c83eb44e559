// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostprocessorTest {
    private static Manifest manifest(int h, int w, String resizeBack) {
        Manifest.Input in = new Manifest.Input(h, w, "bilinear",
                List.of(new Manifest.Channel("magnitude_mean", 0, Manifest.Normalisation.NONE)));
        Manifest.Output out = new Manifest.Output(List.of(
                new Manifest.OutputChannel("liver", "mask", "sigmoid", 0.5, List.of("largest_connected_component"),
                        "", 1, 0),
                new Manifest.OutputChannel("stiffness", "map", "none", Double.NaN, List.of(), "kPa", 2.0, 0.5)),
                resizeBack);
        return new Manifest("t", "1", "liver-segmentation", "", new Manifest.Onnx("model.onnx", "0".repeat(64), 13,
                "input", "output"), in, out, Map.of(), Map.of());
    }

    @Test
    void masksAreSigmoidThresholdedAndReducedToTheLargestComponent() throws Exception {
        float[] raw = {
            3, -3, 3, 3,                   // logits: a lone pixel at (0,0) and a 2-pixel run at (0,2..3)
            -3, -3, -3, 0,                 // sigmoid(0) = 0.5 >= 0.5 joins the run
            1, 1, 1, 1, 1, 1, 1, 1};       // map channel
        SliceOutput s = new Postprocessor(manifest(2, 4, "none")).apply(raw, 2, 4);
        assertArrayEquals(new boolean[] {false, false, true, true, false, false, false, true}, s.masks().get("liver"));
        assertEquals(3, s.count("liver"));
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f, 2.5f, 2.5f, 2.5f, 2.5f}, s.maps().get("stiffness"));
    }

    @Test
    void outputsAreResizedBackToTheSourceSizeBeforeTheThreshold() throws Exception {
        // a 1x2 network output [+4, -4] brought back to 1x4: probabilities 0.98, 0.73, 0.27, 0.02
        float[] raw = {4, -4, 0, 1};
        SliceOutput s = new Postprocessor(manifest(1, 2, "bilinear")).apply(raw, 1, 4);
        assertArrayEquals(new boolean[] {true, true, false, false}, s.masks().get("liver"));
        assertArrayEquals(new float[] {0.5f, 1.0f, 2.0f, 2.5f}, s.maps().get("stiffness"), 1e-6f);
    }

    @Test
    void theWrongNumberOfValuesOrResizeNoneWithAnotherSizeIsAnError() {
        assertThrows(InferenceException.class, () -> new Postprocessor(manifest(2, 4, "none")).apply(new float[3], 2, 4));
        assertThrows(InferenceException.class, () -> new Postprocessor(manifest(2, 4, "none")).apply(new float[16], 4, 4));
    }
}
