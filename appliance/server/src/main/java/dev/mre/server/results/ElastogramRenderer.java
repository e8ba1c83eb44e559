// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws one slice's colour elastogram as the console shows it: the stiffness map in the
 * {@link ColourScale} inside the liver mask over the grayscale magnitude image, the measurement ROI
 * outlined in white and the liver in gray, a kPa colour bar with tick labels at the right, and
 * below the image the slice and exam values, stage, review flags and algorithm as text. The map is
 * enlarged by a whole factor (nearest neighbour) to about 512 pixels so the text stays legible.
 */
final class ElastogramRenderer {
    static final int PANEL = 130;
    static final int TEXT_SCALE = 2;
    static final int LINE = 20;
    static final int MARGIN = 10;
    private static final int WHITE = 0xFFFFFF;
    private static final int GRAY = 0xA0A0A0;
    private static final int BACKGROUND = 0x000000;

    private ElastogramRenderer() {
    }

    /** Enlargement factor for a matrix: the largest whole number keeping the longer side at most 512, at least 1. */
    static int zoom(int rows, int cols) {
        return Math.max(1, 512 / Math.max(rows, cols));
    }

    static RgbCanvas render(ExamResult r, int sliceIndex, ColourScale scale) {
        ExamResult.Slice s = r.slices().get(sliceIndex);
        int rows = s.geometry().rows();
        int cols = s.geometry().cols();
        int z = zoom(rows, cols);
        int w = cols * z + PANEL;
        List<String> lines = lines(r, sliceIndex, w);
        int textLines = 0;
        for (int k = 0; k < r.slices().size(); k++) {
            textLines = Math.max(textLines, lines(r, k, w).size());   // same height on every slice
        }
        RgbCanvas c = new RgbCanvas(w, rows * z + 2 * MARGIN + textLines * LINE);
        c.fill(0, 0, c.width, c.height, BACKGROUND);
        drawMap(c, s, z, scale);
        outline(c, s.liver(), rows, cols, z, GRAY);
        outline(c, s.roi(), rows, cols, z, WHITE);
        drawColourBar(c, cols * z, rows * z, scale);
        int y = rows * z + MARGIN;
        for (String line : lines) {
            c.text(line, MARGIN, y, TEXT_SCALE, WHITE);
            y += LINE;
        }
        return c;
    }

    private static void drawMap(RgbCanvas c, ExamResult.Slice s, int z, ColourScale scale) {
        int rows = s.geometry().rows();
        int cols = s.geometry().cols();
        double top = percentile99(s.magnitude());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int k = i * cols + j;
                float kpa = s.stiffnessKpa()[k];
                int rgb;
                if (s.liver()[k] && Float.isFinite(kpa)) {
                    rgb = scale.rgb(kpa);
                } else if (s.magnitude() != null && top > 0) {
                    int g = (int) Math.round(255 * Math.max(0, Math.min(1, s.magnitude()[k] / top)));
                    rgb = g << 16 | g << 8 | g;
                } else {
                    rgb = BACKGROUND;
                }
                c.fill(j * z, i * z, z, z, rgb);
            }
        }
    }

    private static double percentile99(float[] m) {
        if (m == null) {
            return 0;
        }
        float[] v = m.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        while (n > 0 && Float.isNaN(v[n - 1])) {
            n--;
        }
        return n == 0 ? 0 : v[Math.min(n - 1, (int) (0.99 * n))];
    }

    /** Marks display pixels inside the mask that touch a pixel outside it (or the image edge). */
    private static void outline(RgbCanvas c, boolean[] mask, int rows, int cols, int z, int rgb) {
        int h = rows * z;
        int w = cols * z;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (in(mask, cols, rows, z, x, y) && (!in(mask, cols, rows, z, x - 1, y) || !in(mask, cols, rows, z, x + 1, y)
                        || !in(mask, cols, rows, z, x, y - 1) || !in(mask, cols, rows, z, x, y + 1))) {
                    c.set(x, y, rgb);
                }
            }
        }
    }

    private static boolean in(boolean[] mask, int cols, int rows, int z, int x, int y) {
        if (x < 0 || y < 0 || x >= cols * z || y >= rows * z) {
            return false;
        }
        return mask[(y / z) * cols + x / z];
    }

    private static void drawColourBar(RgbCanvas c, int x0, int mapHeight, ColourScale scale) {
        int barX = x0 + 20;
        int barW = 20;
        int top = 40;
        int barH = Math.max(100, Math.min(mapHeight - 80, 400));
        c.text("kPa", barX, top - 26, TEXT_SCALE, WHITE);
        for (int y = 0; y < barH; y++) {
            double kpa = scale.maxKpa() * (barH - 1 - y) / (barH - 1);
            c.fill(barX, top + y, barW, 1, scale.rgb(kpa));
        }
        double step = scale.maxKpa() <= 10 ? 1 : Math.ceil(scale.maxKpa() / 8);
        for (double kpa = 0; kpa <= scale.maxKpa() + 1e-9; kpa += step) {
            int y = top + (int) Math.round((barH - 1) * (1 - kpa / scale.maxKpa()));
            c.fill(barX + barW, y, 5, 1, WHITE);
            c.text(String.format(Locale.ROOT, "%.0f", kpa), barX + barW + 8, y - BitmapFont.HEIGHT * TEXT_SCALE / 2,
                    TEXT_SCALE, WHITE);
        }
    }

    /** The burned-in text of one slice, wrapped to the image width. */
    static List<String> lines(ExamResult r, int sliceIndex, int width) {
        ExamResult.Slice s = r.slices().get(sliceIndex);
        ExamResult.SliceValues v = s.values();
        List<String> raw = new ArrayList<>();
        raw.add(String.format(Locale.ROOT, "MRE stiffness |G*|  slice %d of %d", sliceIndex + 1, r.slices().size()));
        raw.add(String.format(Locale.ROOT, "Slice ROI: mean %s kPa, median %s, IQR %s", kpa(v.meanKpa()),
                kpa(v.medianKpa()), kpa(v.iqrKpa())));
        raw.add(String.format(Locale.ROOT, "ROI area %.1f cm2 (%d pixels)", v.areaCm2(), v.pixels()));
        raw.add(String.format(Locale.ROOT, "Exam: %s kPa (area-weighted mean, %d slices)", kpa(r.examKpa()),
                r.slices().size()));
        raw.add("Stage: " + r.stage().label() + " (" + r.stage().tableName() + " " + r.stage().tableVersion() + ")");
        if (r.flags().isEmpty()) {
            raw.add("Review flags: none");
        }
        for (ExamResult.ReviewFlag f : r.flags()) {
            raw.add("REVIEW " + f.code() + ": " + f.reason());
        }
        raw.add(r.algorithm().name() + " " + r.algorithm().version());
        int max = Math.max(10, (width - 2 * MARGIN) / (BitmapFont.ADVANCE * TEXT_SCALE));
        List<String> out = new ArrayList<>();
        for (String line : raw) {
            wrap(line, max, out);
        }
        return out;
    }

    private static String kpa(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
    }

    private static void wrap(String line, int max, List<String> out) {
        StringBuilder b = new StringBuilder();
        for (String word : line.split(" ")) {
            while (word.length() > max) {
                if (b.length() > 0) {
                    out.add(b.toString());
                    b.setLength(0);
                }
                out.add(word.substring(0, max));
                word = word.substring(max);
            }
            if (b.length() > 0 && b.length() + 1 + word.length() > max) {
                out.add(b.toString());
                b.setLength(0);
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word);
        }
        if (b.length() > 0) {
            out.add(b.toString());
        }
    }
}
