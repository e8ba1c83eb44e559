// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Test helper: writes maps side by side into one PNG, each panel with its own title and range,
 * in a blue-to-red colour scale; NaN pixels black. For the closing note and for eyeballing.
 */
final class MapPng {
    /** One panel: values row-major, display range [lo, hi]. */
    record Panel(String title, double[] values, double lo, double hi) {
    }

    private MapPng() {
    }

    static void write(Path file, int rows, int cols, List<Panel> panels) {
        int title = 16;
        BufferedImage img = new BufferedImage(cols * panels.size(), rows + title, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int p = 0; p < panels.size(); p++) {
            Panel pan = panels.get(p);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    double v = pan.values()[y * cols + x];
                    img.setRGB(p * cols + x, y + title, Double.isNaN(v) ? 0 : colour((v - pan.lo()) / (pan.hi() - pan.lo())));
                }
            }
            g.setColor(Color.WHITE);
            g.drawString(pan.title(), p * cols + 4, 12);
        }
        g.dispose();
        try {
            file.getParent().toFile().mkdirs();
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static int colour(double t) {
        t = Math.max(0, Math.min(1, t));
        // blue -> cyan -> green -> yellow -> red
        float h = (float) ((1 - t) * 0.66);
        return Color.HSBtoRGB(h, 1f, 1f);
    }
}
