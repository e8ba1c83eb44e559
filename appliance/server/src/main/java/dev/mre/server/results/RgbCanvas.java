// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

/**
 * An 8-bit RGB raster, pixel-interleaved (R, G, B per pixel, rows top to bottom): the layout of
 * DICOM Pixel Data with PhotometricInterpretation RGB and PlanarConfiguration 0, so the bytes go
 * into the data set as they are.
 */
final class RgbCanvas {
    final int width;
    final int height;
    final byte[] pixels;

    RgbCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new byte[width * height * 3];
    }

    void set(int x, int y, int rgb) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int i = (y * width + x) * 3;
        pixels[i] = (byte) (rgb >> 16);
        pixels[i + 1] = (byte) (rgb >> 8);
        pixels[i + 2] = (byte) rgb;
    }

    int get(int x, int y) {
        int i = (y * width + x) * 3;
        return (pixels[i] & 0xFF) << 16 | (pixels[i + 1] & 0xFF) << 8 | pixels[i + 2] & 0xFF;
    }

    void fill(int x0, int y0, int w, int h, int rgb) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                set(x, y, rgb);
            }
        }
    }

    /** Draws text with {@link BitmapFont}, each font pixel a scale x scale block; (x, y) is the top left. */
    void text(String s, int x, int y, int scale, int rgb) {
        for (int k = 0; k < s.length(); k++) {
            for (int gy = 0; gy < BitmapFont.HEIGHT; gy++) {
                for (int gx = 0; gx < BitmapFont.WIDTH; gx++) {
                    if (BitmapFont.ink(s.charAt(k), gx, gy)) {
                        fill(x + (k * BitmapFont.ADVANCE + gx) * scale, y + gy * scale, scale, scale, rgb);
                    }
                }
            }
        }
    }
}
