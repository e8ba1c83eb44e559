// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ElastogramRendererTest {

    @Test
    void everyPrintableGlyphIsDistinctAndOnlySpaceIsBlank() {
        Set<String> shapes = new HashSet<>();
        for (char c = 32; c <= 126; c++) {
            StringBuilder b = new StringBuilder();
            for (int y = 0; y < BitmapFont.HEIGHT; y++) {
                for (int x = 0; x < BitmapFont.WIDTH; x++) {
                    b.append(BitmapFont.ink(c, x, y) ? '#' : '.');
                }
            }
            assertEquals(c == ' ', b.indexOf("#") < 0, "glyph '" + c + "'");
            assertTrue(shapes.add(b.toString()), "glyph '" + c + "' repeats another");
        }
    }

    @Test
    void colourScaleRunsFromViridisVioletToYellowAndClamps() {
        ColourScale s = new ColourScale(8);
        assertEquals(0x440154, s.rgb(0));
        assertEquals(0xFDE725, s.rgb(8));
        assertEquals(0xFDE725, s.rgb(30));
        assertEquals(0x21908C, s.rgb(4));
        assertNotEquals(s.rgb(3.0), s.rgb(3.1));
    }

    @Test
    void theMapPixelInsideTheLiverHasItsScaleColourAndTheTextIsBurnedIn() throws Exception {
        ExamResult r = ResultFixtures.anatomical();
        ColourScale scale = new ColourScale(8);
        RgbCanvas c = ElastogramRenderer.render(r, 0, scale);
        ExamResult.Slice s = r.slices().get(0);
        int cols = s.geometry().cols();
        int z = ElastogramRenderer.zoom(s.geometry().rows(), cols);
        int checked = 0;
        for (int p = 0; p < s.liver().length && checked < 50; p++) {
            int i = p / cols;
            int j = p % cols;
            boolean interior = s.liver()[p] && !edge(s.roi(), p, cols) && !edge(s.liver(), p, cols);
            if (interior) {
                assertEquals(scale.rgb(s.stiffnessKpa()[p]), c.get(j * z + z / 2, i * z + z / 2), "pixel " + p);
                checked++;
            }
        }
        assertEquals(50, checked);
        int textTop = s.geometry().rows() * z + ElastogramRenderer.MARGIN;
        int white = 0;
        for (int y = textTop; y < c.height; y++) {
            for (int x = 0; x < c.width; x++) {
                white += c.get(x, y) == 0xFFFFFF ? 1 : 0;
            }
        }
        assertTrue(white > 2000, "burned-in text pixels: " + white);
    }

    @Test
    void longTextWrapsToTheImageWidth() throws Exception {
        ExamResult r = ResultFixtures.anatomical();
        List<String> lines = ElastogramRenderer.lines(r, 0, 400);
        int max = (400 - 2 * ElastogramRenderer.MARGIN) / (BitmapFont.ADVANCE * ElastogramRenderer.TEXT_SCALE);
        assertTrue(lines.stream().allMatch(l -> l.length() <= max), lines.toString());
        assertTrue(String.join(" ", lines).contains("LOW_CONFIDENCE"));
    }

    @Test
    void aMaskOfTheWrongSizeIsRefusedWithItsName() throws Exception {
        ExamResult.Slice s = ResultFixtures.anatomical().slices().get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ExamResult.Slice(s.image(),
                s.geometry(), s.stiffnessKpa(), null, s.liver(), new boolean[10], s.values()));
        assertTrue(e.getMessage().contains("ROI mask"), e.getMessage());
    }

    private static boolean edge(boolean[] m, int p, int cols) {
        int n = m.length;
        return (p % cols > 0 && m[p - 1] != m[p]) || (p % cols < cols - 1 && m[p + 1] != m[p])
                || (p >= cols && m[p - cols] != m[p]) || (p + cols < n && m[p + cols] != m[p]);
    }
}
