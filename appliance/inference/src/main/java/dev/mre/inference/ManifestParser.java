// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns manifest.json text into a {@link Manifest}, checking every rule of the contract. Each error
 * names the field by its JSON path ("input.channels[1].normalisation.width") and what was found.
 */
final class ManifestParser {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> RESIZE = Set.of("none", "bilinear");
    private static final Set<String> POSTPROCESS = Set.of("largest_connected_component");

    private ManifestParser() {
    }

    static Manifest parse(String json) {
        Object root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        Map<String, Object> m = object(root, "(document)");
        String format = string(m, "format", "");
        if (!format.equals(Manifest.FORMAT)) {
            throw new IllegalArgumentException("format must be \"" + Manifest.FORMAT + "\", got \"" + format
                    + "\"; this appliance reads only that format");
        }
        String name = string(m, "name", "");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, digits, '.', '_' or '-', got \""
                    + name + "\"");
        }
        String task = string(m, "task", "");
        oneOf(task, Manifest.TASKS, "task");
        Map<String, Object> training = m.containsKey("training") ? object(m.get("training"), "training") : Map.of();
        Map<String, Object> metrics = m.containsKey("metrics") ? object(m.get("metrics"), "metrics") : Map.of();
        return new Manifest(name, string(m, "version", ""), task, optionalString(m, "architecture", ""),
                onnx(object(required(m, "onnx", ""), "onnx")), input(object(required(m, "input", ""), "input")),
                output(object(required(m, "output", ""), "output")), training, metrics);
    }

    private static Manifest.Onnx onnx(Map<String, Object> o) {
        String file = string(o, "file", "onnx.");
        if (!FILE.matcher(file).matches()) {
            throw new IllegalArgumentException("onnx.file must be a plain file name inside the package, got \""
                    + file + "\"");
        }
        String sha = string(o, "sha256", "onnx.");
        if (!SHA256.matcher(sha).matches()) {
            throw new IllegalArgumentException("onnx.sha256 must be 64 lower-case hex digits, got \"" + sha + "\"");
        }
        int opset = integer(o, "opset", "onnx.");
        if (opset < 13) {
            throw new IllegalArgumentException("onnx.opset must be 13 or later, got " + opset);
        }
        return new Manifest.Onnx(file, sha, opset, string(o, "input_name", "onnx."), string(o, "output_name", "onnx."));
    }

    private static Manifest.Input input(Map<String, Object> o) {
        int h = positive(o, "height", "input.");
        int w = positive(o, "width", "input.");
        String resize = string(o, "resize", "input.");
        oneOf(resize, RESIZE, "input.resize");
        List<Object> raw = list(required(o, "channels", "input."), "input.channels");
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("input.channels must list at least one channel");
        }
        List<Manifest.Channel> channels = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            String at = "input.channels[" + k + "].";
            Map<String, Object> c = object(raw.get(k), at.substring(0, at.length() - 1));
            String source = string(c, "source", at);
            oneOf(source, Manifest.Channel.SOURCES, at + "source");
            boolean phase = source.startsWith("phase_");
            int offset = c.containsKey("offset") ? integer(c, "offset", at) : 0;
            if (offset < 0 || (!phase && offset != 0)) {
                throw new IllegalArgumentException(at + "offset must be a phase offset index >= 0, and only for"
                        + " phase_cos / phase_sin; got " + offset + " for " + source);
            }
            Manifest.Normalisation n = c.get("normalisation") == null ? Manifest.Normalisation.NONE
                    : normalisation(object(c.get("normalisation"), at + "normalisation"), at + "normalisation.");
            channels.add(new Manifest.Channel(source, offset, n));
        }
        return new Manifest.Input(h, w, resize, channels);
    }

    private static Manifest.Normalisation normalisation(Map<String, Object> n, String at) {
        String kind = string(n, "kind", at);
        oneOf(kind, Set.of("zscore", "window", "none"), at + "kind");
        if (!kind.equals("window")) {
            return kind.equals("none") ? Manifest.Normalisation.NONE : new Manifest.Normalisation(kind, 0, 0);
        }
        double width = number(n, "width", at);
        if (!(width > 0)) {
            throw new IllegalArgumentException(at + "width must be > 0, got " + width);
        }
        return new Manifest.Normalisation(kind, number(n, "center", at), width);
    }

    private static Manifest.Output output(Map<String, Object> o) {
        List<Object> raw = list(required(o, "channels", "output."), "output.channels");
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("output.channels must list at least one channel");
        }
        String resizeBack = string(o, "resize_back", "output.");
        oneOf(resizeBack, RESIZE, "output.resize_back");
        List<Manifest.OutputChannel> channels = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            String at = "output.channels[" + k + "].";
            Map<String, Object> c = object(raw.get(k), at.substring(0, at.length() - 1));
            String name = string(c, "name", at);
            String kind = string(c, "kind", at);
            oneOf(kind, Set.of("mask", "map"), at + "kind");
            if (kind.equals("mask")) {
                String act = string(c, "activation", at);
                oneOf(act, Set.of("sigmoid", "none"), at + "activation");
                double t = number(c, "threshold", at);
                if (!Double.isFinite(t)) {
                    throw new IllegalArgumentException(at + "threshold must be a finite number");
                }
                List<String> steps = new ArrayList<>();
                if (c.get("postprocess") != null) {
                    List<Object> l = list(c.get("postprocess"), at + "postprocess");
                    for (Object s : l) {
                        if (!(s instanceof String step) || !POSTPROCESS.contains(step)) {
                            throw new IllegalArgumentException(at + "postprocess: unknown step " + s + "; known: "
                                    + POSTPROCESS);
                        }
                        steps.add(step);
                    }
                }
                channels.add(new Manifest.OutputChannel(name, kind, act, t, steps, "", 1, 0));
            } else {
                double scale = c.containsKey("scale") ? number(c, "scale", at) : 1;
                double offset = c.containsKey("offset") ? number(c, "offset", at) : 0;
                channels.add(new Manifest.OutputChannel(name, kind, "none", Double.NaN, List.of(),
                        optionalString(c, "units", ""), scale, offset));
            }
        }
        return new Manifest.Output(channels, resizeBack);
    }

    private static Object required(Map<String, Object> m, String key, String at) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(at + key + " is required");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String at) {
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException(at + " must be a JSON object");
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v, String at) {
        if (!(v instanceof List)) {
            throw new IllegalArgumentException(at + " must be a JSON array");
        }
        return (List<Object>) v;
    }

    private static String string(Map<String, Object> m, String key, String at) {
        Object v = required(m, key, at);
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(at + key + " must be a non-empty string, got " + v);
        }
        return s;
    }

    private static String optionalString(Map<String, Object> m, String key, String fallback) {
        return m.get(key) instanceof String s ? s : fallback;
    }

    private static double number(Map<String, Object> m, String key, String at) {
        Object v = required(m, key, at);
        if (!(v instanceof Double d)) {
            throw new IllegalArgumentException(at + key + " must be a number, got " + v);
        }
        return d;
    }

    private static int integer(Map<String, Object> m, String key, String at) {
        double d = number(m, key, at);
        if (d != Math.rint(d) || Math.abs(d) > 1 << 20) {
            throw new IllegalArgumentException(at + key + " must be an integer, got " + d);
        }
        return (int) d;
    }

    private static int positive(Map<String, Object> m, String key, String at) {
        int v = integer(m, key, at);
        if (v < 1) {
            throw new IllegalArgumentException(at + key + " must be >= 1, got " + v);
        }
        return v;
    }

    private static void oneOf(String v, Set<String> allowed, String at) {
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(at + " must be one of " + new TreeSet<>(allowed)
                    + ", got \"" + v + "\"");
        }
    }
}
