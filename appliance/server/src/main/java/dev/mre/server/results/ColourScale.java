// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

/**
 * The elastogram colour scale: viridis (the perceptually uniform map of matplotlib, CC0), dark
 * violet at 0 kPa through blue and green to yellow at the top of the scale, sampled at nine
 * anchors and interpolated linearly in sRGB. Perceptually uniform means equal kPa steps look like
 * equal colour steps, unlike the vendors' rainbow scale, and it stays readable in grayscale and to
 * colour-blind readers. Values above the top clamp to yellow.
 */
final class ColourScale {
    private static final int[] ANCHORS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C, 0x27AD81, 0x5DC863,
        0xAADC32, 0xFDE725};
    private final double maxKpa;

    ColourScale(double maxKpa) {
        this.maxKpa = maxKpa;
    }

    double maxKpa() {
        return maxKpa;
    }

    /** 0xRRGGBB for a stiffness in kPa (negative values map to the bottom colour). */
    int rgb(double kpa) {
        double t = Math.max(0, Math.min(1, kpa / maxKpa)) * (ANCHORS.length - 1);
        int i = Math.min(ANCHORS.length - 2, (int) t);
        double f = t - i;
        int a = ANCHORS[i];
        int b = ANCHORS[i + 1];
        int r = mix(a >> 16 & 0xFF, b >> 16 & 0xFF, f);
        int g = mix(a >> 8 & 0xFF, b >> 8 & 0xFF, f);
        int bl = mix(a & 0xFF, b & 0xFF, f);
        return r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
