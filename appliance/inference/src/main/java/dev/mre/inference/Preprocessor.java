// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.util.List;

/**
 * Builds the network input of one slice from its source arrays exactly as the manifest says
 * (docs/design/model-packages.md): each channel from its source, normalised per slice at the source
 * size with float64 accumulation, then resized bilinearly to the network size. Pure and stateless
 * apart from the manifest's input spec.
 */
public final class Preprocessor {
    private final Manifest.Input spec;

    public Preprocessor(Manifest.Input spec) {
        this.spec = spec;
    }

    /** The {@code channels x height x width} input of one slice, row-major, float32. */
    public float[] apply(SliceInput s) throws InferenceException {
        int h = spec.height();
        int w = spec.width();
        if (spec.resize().equals("none") && (s.rows() != h || s.cols() != w)) {
            throw new InferenceException("the model takes " + h + "x" + w + " images without resizing, the slice is "
                    + s.rows() + "x" + s.cols());
        }
        List<Manifest.Channel> channels = spec.channels();
        float[] out = new float[channels.size() * h * w];
        for (int c = 0; c < channels.size(); c++) {
            Manifest.Channel ch = channels.get(c);
            float[] plane = normalise(source(ch, s), ch.normalisation());
            System.arraycopy(Resize.bilinear(plane, s.rows(), s.cols(), h, w), 0, out, c * h * w, h * w);
        }
        return out;
    }

    /** The channel's source values at the source size, in float64. */
    static double[] source(Manifest.Channel ch, SliceInput s) throws InferenceException {
        int n = s.rows() * s.cols();
        double[] v = new double[n];
        switch (ch.source()) {
            case "magnitude_mean" -> {
                for (float[] m : s.magnitude()) {
                    for (int k = 0; k < n; k++) {
                        v[k] += m[k];
                    }
                }
                for (int k = 0; k < n; k++) {
                    v[k] /= s.magnitude().length;
                }
            }
            case "elastogram_kpa" -> {
                if (s.elastogramKpa() == null) {
                    throw new InferenceException("the model needs the vendor elastogram (elastogram_kpa) and the"
                            + " exam has none");
                }
                for (int k = 0; k < n; k++) {
                    v[k] = s.elastogramKpa()[k];
                }
            }
            case "phase_cos", "phase_sin" -> {
                if (ch.offset() >= s.phaseRad().length) {
                    throw new InferenceException("the model needs phase offset " + ch.offset() + " and the slice has "
                            + s.phaseRad().length + " offsets");
                }
                float[] p = s.phaseRad()[ch.offset()];
                boolean cos = ch.source().equals("phase_cos");
                for (int k = 0; k < n; k++) {
                    v[k] = cos ? Math.cos(p[k]) : Math.sin(p[k]);
                }
            }
            default -> throw new IllegalStateException("the manifest parser admits no source " + ch.source());
        }
        return v;
    }

    /** Applies a normalisation in float64 and rounds the result to float32. */
    static float[] normalise(double[] x, Manifest.Normalisation n) {
        float[] out = new float[x.length];
        switch (n.kind()) {
            case "zscore" -> {
                double mean = 0;
                for (double v : x) {
                    mean += v;
                }
                mean /= x.length;
                double var = 0;
                for (double v : x) {
                    var += (v - mean) * (v - mean);
                }
                double std = Math.sqrt(var / x.length);
                for (int k = 0; k < x.length; k++) {
                    out[k] = (float) ((x[k] - mean) / (std + 1e-6));
                }
            }
            case "window" -> {
                double lo = n.center() - n.width() / 2;
                for (int k = 0; k < x.length; k++) {
                    out[k] = (float) Math.min(1, Math.max(0, (x[k] - lo) / n.width()));
                }
            }
            default -> {
                for (int k = 0; k < x.length; k++) {
                    out[k] = (float) x[k];
                }
            }
        }
        return out;
    }
}
