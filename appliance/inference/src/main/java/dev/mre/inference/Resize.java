// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

/**
 * Bilinear resize identical to PyTorch's CPU
 * {@code torch.nn.functional.interpolate(x, size=(h, w), mode="bilinear", align_corners=False)}
 * for float32: half-pixel centres, source coordinate {@code scale * (i + 0.5) - 0.5} clamped at 0
 * with {@code scale = in / out} rounded to float32 and the coordinate kept in float64 until the
 * weight is taken (as PyTorch 1.13 does: rounding the coordinate to float32 first moves weights by
 * up to 1e-5, i.e. errors of 1e-4 on values of 5), the upper neighbour clamped to the edge, and
 * {@code h0 * (w0 * a + w1 * b) + h1 * (w0 * c + w1 * d)} in float32, so results agree with
 * PyTorch to an ulp or two. No antialiasing (PyTorch's default).
 */
public final class Resize {
    private Resize() {
    }

    /** Resizes a row-major {@code h x w} plane to {@code oh x ow}; returns a copy when sizes agree. */
    public static float[] bilinear(float[] src, int h, int w, int oh, int ow) {
        if (src.length != h * w) {
            throw new IllegalArgumentException("plane has " + src.length + " values, expected " + h + "x" + w);
        }
        if (h == oh && w == ow) {
            return src.clone();
        }
        int[] r0 = new int[oh];
        int[] r1 = new int[oh];
        float[] rl = new float[oh];
        axis(h, oh, r0, r1, rl);
        int[] c0 = new int[ow];
        int[] c1 = new int[ow];
        float[] cl = new float[ow];
        axis(w, ow, c0, c1, cl);
        float[] out = new float[oh * ow];
        for (int y = 0; y < oh; y++) {
            float h1 = rl[y];
            float h0 = 1f - h1;
            int a = r0[y] * w;
            int b = r1[y] * w;
            for (int x = 0; x < ow; x++) {
                float w1 = cl[x];
                float w0 = 1f - w1;
                out[y * ow + x] = h0 * (w0 * src[a + c0[x]] + w1 * src[a + c1[x]])
                        + h1 * (w0 * src[b + c0[x]] + w1 * src[b + c1[x]]);
            }
        }
        return out;
    }

    /** Lower index, upper index and upper weight of each output position along one axis. */
    private static void axis(int in, int out, int[] lo, int[] hi, float[] lambda) {
        float scale = (float) in / out;                       // float32, as PyTorch's opmath for float
        for (int i = 0; i < out; i++) {
            double real = Math.max(scale * (i + 0.5) - 0.5, 0);  // PyTorch: float scale x double (i + 0.5)
            int i0 = (int) real;
            lo[i] = i0;
            hi[i] = i0 < in - 1 ? i0 + 1 : i0;
            lambda[i] = (float) Math.min(Math.max(real - i0, 0), 1);
        }
    }
}
