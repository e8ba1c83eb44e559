// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    private static final Manifest.Normalisation ZSCORE = new Manifest.Normalisation("zscore", 0, 0);

    @Test
    void zscoreUsesThePopulationStdPlusEpsilon() {
        float[] z = Preprocessor.normalise(new double[] {1, 2, 3, 4}, ZSCORE);
        double std = Math.sqrt(1.25);
        assertArrayEquals(new float[] {(float) (-1.5 / (std + 1e-6)), (float) (-0.5 / (std + 1e-6)),
            (float) (0.5 / (std + 1e-6)), (float) (1.5 / (std + 1e-6))}, z);
    }

    @Test
    void zscoreOfAConstantLargeImageIsExactlyZeroThanksToFloat64Accumulation() {
        double[] x = new double[512 * 512];
        java.util.Arrays.fill(x, 1000.1f);              // float32 accumulation would miss the mean by ~1e-2
        float[] z = Preprocessor.normalise(x, ZSCORE);
        for (float v : z) {
            assertEquals(0f, v);
        }
    }

    @Test
    void windowMapsCenterMinusHalfWidthToZeroAndClips() {
        Manifest.Normalisation w = new Manifest.Normalisation("window", 4.0, 8.0);
        assertArrayEquals(new float[] {0f, 0f, 0.25f, 0.5f, 1f, 1f},
                Preprocessor.normalise(new double[] {-3, 0, 2, 4, 8, 12}, w));
    }

    @Test
    void noneKeepsTheValues() {
        assertArrayEquals(new float[] {-2.5f, 7f}, Preprocessor.normalise(new double[] {-2.5, 7}, Manifest.Normalisation.NONE));
    }

    @Test
    void channelsComeFromTheirSourcesInOrder() throws Exception {
        float[][] mag = {{1, 3}, {3, 5}};
        float[][] phase = {{0, (float) Math.PI}, {(float) (Math.PI / 2), 0}};
        float[] el = {2, 6};
        Manifest.Input spec = new Manifest.Input(1, 2, "none", List.of(
                new Manifest.Channel("magnitude_mean", 0, Manifest.Normalisation.NONE),
                new Manifest.Channel("elastogram_kpa", 0, new Manifest.Normalisation("window", 4, 8)),
                new Manifest.Channel("phase_cos", 0, Manifest.Normalisation.NONE),
                new Manifest.Channel("phase_sin", 1, Manifest.Normalisation.NONE)));
        float[] in = new Preprocessor(spec).apply(new SliceInput(mag, phase, el, 1, 2));
        assertArrayEquals(new float[] {2, 4, 0.25f, 0.75f, 1, -1, 1, 0}, in, 1e-7f);
    }

    @Test
    void aMissingElastogramOrOffsetIsAClearError() {
        SliceInput s = new SliceInput(new float[][] {{1}}, new float[][] {{0}}, null, 1, 1);
        Manifest.Input el = new Manifest.Input(1, 1, "none",
                List.of(new Manifest.Channel("elastogram_kpa", 0, Manifest.Normalisation.NONE)));
        InferenceException e = assertThrows(InferenceException.class, () -> new Preprocessor(el).apply(s));
        assertTrue(e.getMessage().contains("elastogram"), e.getMessage());
        Manifest.Input ph = new Manifest.Input(1, 1, "none",
                List.of(new Manifest.Channel("phase_sin", 3, Manifest.Normalisation.NONE)));
        e = assertThrows(InferenceException.class, () -> new Preprocessor(ph).apply(s));
        assertTrue(e.getMessage().contains("phase offset 3"), e.getMessage());
    }

    @Test
    void resizeNoneRefusesAnotherSize() {
        SliceInput s = new SliceInput(new float[][] {{1, 2}}, new float[][] {{0, 0}}, null, 1, 2);
        Manifest.Input spec = new Manifest.Input(2, 2, "none",
                List.of(new Manifest.Channel("magnitude_mean", 0, Manifest.Normalisation.NONE)));
        InferenceException e = assertThrows(InferenceException.class, () -> new Preprocessor(spec).apply(s));
        assertTrue(e.getMessage().contains("2x2 images without resizing"), e.getMessage());
    }
}
