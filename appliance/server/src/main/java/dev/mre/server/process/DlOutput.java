// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.inference.Model;
import dev.mre.phantoms.truth.Npy;
import dev.mre.science.MapStatistics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what the DL models gave next to the physics maps, in the same format (.npy stacked
 * (slices, rows, columns)): {@code dl_liver_mask.npy} uint8 0/1 and {@code dl_stiffness_kpa.npy}
 * float32; and adds to the summary, per slice, {@code dl_liver_pixels} and {@code dl_median_kpa}
 * (median DL stiffness inside the DL liver mask; null when either model did not run or the mask is
 * empty), and a top-level {@code models} block: folder, backend, models used (name, version,
 * task) and absent (name, reason).
 */
public final class DlOutput {
    public static final String LIVER_FILE = "dl_liver_mask.npy";
    public static final String STIFFNESS_FILE = "dl_stiffness_kpa.npy";

    private DlOutput() {
    }

    /** Writes the DL maps that exist; returns file name by content, for the summary's files block. */
    public static Map<String, String> writeMaps(Path out, DlInference.Result r, int rows, int cols) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        int n = rows * cols;
        if (!r.liver().isEmpty()) {
            byte[] all = new byte[r.liver().size() * n];
            for (int s = 0; s < r.liver().size(); s++) {
                boolean[] m = r.liver().get(s);
                for (int k = 0; k < n; k++) {
                    all[s * n + k] = (byte) (m[k] ? 1 : 0);
                }
            }
            Npy.writeUint8(out.resolve(LIVER_FILE), new int[] {r.liver().size(), rows, cols}, all);
            files.put("dl_liver_mask", LIVER_FILE);
        }
        if (!r.stiffness().isEmpty()) {
            float[] all = new float[r.stiffness().size() * n];
            for (int s = 0; s < r.stiffness().size(); s++) {
                System.arraycopy(r.stiffness().get(s), 0, all, s * n, n);
            }
            Npy.writeFloat32(out.resolve(STIFFNESS_FILE), new int[] {r.stiffness().size(), rows, cols}, all);
            files.put("dl_stiffness", STIFFNESS_FILE);
        }
        return files;
    }

    /** Adds the per-slice DL numbers and the models block to a summary made by {@link ProcessSummary}. */
    public static JsonObject addTo(JsonObject summary, DlModels models, DlInference.Result r, Map<String, String> files) {
        JsonArray slices = summary.getJsonArray("slices");
        for (int i = 0; i < slices.size(); i++) {
            JsonObject s = slices.getJsonObject(i);
            boolean[] liver = r.liver().isEmpty() ? null : r.liver().get(i);
            Integer pixels = null;
            if (liver != null) {
                int c = 0;
                for (boolean b : liver) {
                    c += b ? 1 : 0;
                }
                pixels = c;
            }
            Double median = null;
            if (liver != null && !r.stiffness().isEmpty()) {
                double m = MapStatistics.medianInMask(r.stiffness().get(i), liver);
                median = Double.isNaN(m) ? null : Math.round(m * 1e4) / 1e4;
            }
            s.put("dl_liver_pixels", pixels).put("dl_median_kpa", median);
        }
        JsonArray used = new JsonArray();
        for (Map.Entry<String, Model> e : models.loaded().entrySet()) {
            if (r.ran().containsKey(e.getKey())) {
                used.add(new JsonObject().put("name", e.getKey())
                        .put("version", e.getValue().modelPackage().manifest().version())
                        .put("task", e.getValue().modelPackage().manifest().task()));
            }
        }
        JsonArray absent = new JsonArray();
        for (List<DlModels.Absent> l : List.of(models.absent(), r.skipped())) {
            l.forEach(a -> absent.add(new JsonObject().put("name", a.name()).put("reason", a.reason())));
        }
        JsonObject block = new JsonObject().put("dir", models.dir().toString())
                .put("backend", models.backend() == null ? null : models.backend().describe())
                .put("gpu_backends_absent", models.backend() == null ? null
                        : new JsonArray(List.copyOf(models.backend().absent())))
                .put("used", used).put("absent", absent);
        JsonObject f = summary.getJsonObject("files");
        files.forEach(f::put);
        return summary.put("models", block);
    }
}
