// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.phantoms.truth.Npy;
import dev.mre.science.InversionMethod;
import dev.mre.science.SliceResult;
import dev.mre.science.StiffnessMap;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the maps of a processed exam as NumPy .npy files (format 1.0, loadable with plain
 * {@code numpy.load}), stacked (slices, rows, columns) like the phantom truth so that
 * {@code ahi_kpa.npy[i]} compares pixel by pixel with {@code truth/modulus_kpa.npy[i]}:
 * {@code <method>_kpa.npy} |G*| float32 (NaN where the method is undefined),
 * {@code <method>_storage_kpa.npy} / {@code _loss_kpa.npy} G' and G'' when the method gives them,
 * {@code confidence.npy} float32 in [0, 1], {@code mask95.npy} uint8 0/1, and summary.json.
 */
public final class MapWriter {
    private MapWriter() {
    }

    /** Writes every map file of the chosen methods; returns file name by content, for the summary. */
    public static Map<String, String> writeMaps(Path out, List<SliceResult> results, List<InversionMethod> methods)
            throws IOException {
        Files.createDirectories(out);
        SliceResult r0 = results.get(0);
        int rows = r0.confidence().rows();
        int cols = r0.confidence().cols();
        int[] shape = {results.size(), rows, cols};
        Map<String, String> files = new LinkedHashMap<>();
        for (InversionMethod m : methods) {
            String id = m.name().toLowerCase(Locale.ROOT);
            write(out, id + "_kpa.npy", shape, results, r -> r.maps().get(m).values(), files, id);
            StiffnessMap map = r0.maps().get(m);
            if (map.storage() != null) {
                write(out, id + "_storage_kpa.npy", shape, results, r -> r.maps().get(m).storage(), files,
                        id + "_storage");
            }
            if (map.loss() != null) {
                write(out, id + "_loss_kpa.npy", shape, results, r -> r.maps().get(m).loss(), files, id + "_loss");
            }
        }
        write(out, "confidence.npy", shape, results, r -> r.confidence().confidence(), files, "confidence");
        byte[] mask = new byte[results.size() * rows * cols];
        for (int s = 0; s < results.size(); s++) {
            boolean[] b = results.get(s).confidence().mask();
            for (int k = 0; k < b.length; k++) {
                mask[s * rows * cols + k] = (byte) (b[k] ? 1 : 0);
            }
        }
        Npy.writeUint8(out.resolve("mask95.npy"), shape, mask);
        files.put("mask", "mask95.npy");
        return files;
    }

    /** Writes summary.json (the same JSON the command prints). */
    public static void writeSummary(Path out, JsonObject summary) throws IOException {
        Files.writeString(out.resolve("summary.json"), summary.encodePrettily() + "\n", StandardCharsets.UTF_8);
    }

    private static void write(Path out, String name, int[] shape, List<SliceResult> results,
                              Function<SliceResult, float[]> map, Map<String, String> files, String key)
            throws IOException {
        int n = shape[1] * shape[2];
        float[] all = new float[results.size() * n];
        for (int s = 0; s < results.size(); s++) {
            System.arraycopy(map.apply(results.get(s)), 0, all, s * n, n);
        }
        Npy.writeFloat32(out.resolve(name), shape, all);
        files.put(key, name);
    }
}
