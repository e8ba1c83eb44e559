// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * manifest.json of a model package (format {@value #FORMAT}, docs/design/model-packages.md): what
 * the model is and exactly how to feed it and read its output. Parsed and checked by
 * {@link ManifestParser}; every record here is valid by construction.
 *
 * @param name         package name, also its folder name under models/
 * @param version      package version (free text, e.g. "1.0.0")
 * @param task         one of {@link #TASKS}
 * @param architecture the network in words
 * @param onnx         the ONNX file and its I/O names
 * @param input        how slices become the network input
 * @param output       how the network output becomes masks and maps
 * @param training     the training record as stored (may be empty)
 * @param metrics      the test metrics as stored (may be empty)
 */
public record Manifest(String name, String version, String task, String architecture, Onnx onnx, Input input,
                       Output output, Map<String, Object> training, Map<String, Object> metrics) {

    public static final String FORMAT = "mre-model-package/1";
    public static final Set<String> TASKS = Set.of("liver-segmentation", "roi-segmentation",
            "stiffness-reconstruction");

    public Manifest {
        // free-form records: JSON null is a value there ("crop": null), which Map.copyOf refuses
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Parses and validates manifest.json text; {@link IllegalArgumentException} names the field. */
    public static Manifest parse(String json) {
        return ManifestParser.parse(json);
    }

    /** The ONNX file, its SHA-256 (lower-case hex), opset and tensor names. */
    public record Onnx(String file, String sha256, int opset, String inputName, String outputName) {
    }

    /** Network input size, resize rule ("none" or "bilinear") and channels in order. */
    public record Input(int height, int width, String resize, List<Channel> channels) {
        public Input {
            channels = List.copyOf(channels);
        }
    }

    /**
     * One input channel.
     *
     * @param source        magnitude_mean, elastogram_kpa, phase_cos or phase_sin
     * @param offset        phase offset index (phase sources only; 0 otherwise)
     * @param normalisation applied at the source size, before the resize
     */
    public record Channel(String source, int offset, Normalisation normalisation) {
        public static final Set<String> SOURCES = Set.of("magnitude_mean", "elastogram_kpa", "phase_cos",
                "phase_sin");
    }

    /**
     * A per-slice normalisation: "zscore", "window" (with center and width) or "none".
     */
    public record Normalisation(String kind, double center, double width) {
        public static final Normalisation NONE = new Normalisation("none", 0, 0);
    }

    /** Output channels in order, and the rule that brings them back to the source size. */
    public record Output(List<OutputChannel> channels, String resizeBack) {
        public Output {
            channels = List.copyOf(channels);
        }
    }

    /**
     * One output channel.
     *
     * @param name        e.g. "liver", "stiffness"
     * @param kind        "mask" or "map"
     * @param activation  masks: "sigmoid" or "none"
     * @param threshold   masks: foreground where the activated value is {@code >=} this
     * @param postprocess masks: steps after the threshold ("largest_connected_component")
     * @param units       maps: e.g. "kPa"
     * @param scale       maps: value * scale + offset
     * @param offset      maps: value * scale + offset
     */
    public record OutputChannel(String name, String kind, String activation, double threshold,
                                List<String> postprocess, String units, double scale, double offset) {
        public OutputChannel {
            postprocess = List.copyOf(postprocess);
        }

        public boolean isMask() {
            return kind.equals("mask");
        }
    }
}
