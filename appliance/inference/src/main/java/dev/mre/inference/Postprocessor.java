// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw network output of one slice ({@code K x h x w}, before activation) into masks and
 * maps at the source size, as the manifest says: a mask channel gets its activation (sigmoid), is
 * resized back, thresholded ({@code >= threshold}) and post-processed (largest 4-connected
 * component); a map channel is scaled ({@code value * scale + offset}) and resized back.
 */
public final class Postprocessor {
    private final Manifest manifest;

    public Postprocessor(Manifest manifest) {
        this.manifest = manifest;
    }

    /** Post-processes one slice's raw output for a source image of {@code rows x cols}. */
    public SliceOutput apply(float[] raw, int rows, int cols) throws InferenceException {
        int h = manifest.input().height();
        int w = manifest.input().width();
        List<Manifest.OutputChannel> channels = manifest.output().channels();
        if (raw.length != channels.size() * h * w) {
            throw new InferenceException("the network gave " + raw.length + " values per slice; the manifest of "
                    + manifest.name() + " expects " + channels.size() + " channels of " + h + "x" + w);
        }
        boolean back = manifest.output().resizeBack().equals("bilinear");
        if (!back && (rows != h || cols != w)) {
            throw new InferenceException(manifest.name() + " has resize_back \"none\" but the network size " + h + "x"
                    + w + " differs from the slice size " + rows + "x" + cols);
        }
        Map<String, boolean[]> masks = new LinkedHashMap<>();
        Map<String, float[]> maps = new LinkedHashMap<>();
        for (int c = 0; c < channels.size(); c++) {
            Manifest.OutputChannel ch = channels.get(c);
            float[] plane = new float[h * w];
            for (int k = 0; k < plane.length; k++) {
                float v = raw[c * h * w + k];
                plane[k] = ch.isMask() ? (ch.activation().equals("sigmoid") ? sigmoid(v) : v)
                        : (float) (v * ch.scale() + ch.offset());
            }
            float[] sized = Resize.bilinear(plane, h, w, rows, cols);
            if (ch.isMask()) {
                boolean[] m = new boolean[sized.length];
                for (int k = 0; k < m.length; k++) {
                    m[k] = sized[k] >= ch.threshold();
                }
                for (String step : ch.postprocess()) {
                    if (step.equals("largest_connected_component")) {
                        m = LargestComponent.keep(m, rows, cols);
                    }
                }
                masks.put(ch.name(), m);
            } else {
                maps.put(ch.name(), sized);
            }
        }
        return new SliceOutput(masks, maps, rows, cols);
    }

    /** The logistic function in float64, rounded to float32. */
    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-(double) x)));
    }
}
