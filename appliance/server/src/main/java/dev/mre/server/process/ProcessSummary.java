// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.science.InversionMethod;
import dev.mre.science.MapStatistics;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.SliceResult;
import dev.mre.science.StiffnessMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON summary of one processed exam (format "mre-process-summary/1", docs/process.md): per
 * slice and method the median |G*| in kPa inside the 95% confidence mask, plus how the input was
 * read. Exists so the stdout of {@code process} and summary.json are one document that scripts
 * parse; numbers that do not exist (an empty mask) are null, never NaN.
 */
public final class ProcessSummary {
    public static final String FORMAT = "mre-process-summary/1";

    private ProcessSummary() {
    }

    public static JsonObject of(ExamReading reading, List<SliceResult> results, List<InversionMethod> methods,
                                Map<String, String> files) {
        MreExam exam = reading.exam();
        JsonObject j = new JsonObject().put("format", FORMAT).put("quantity", "|G*|").put("unit", "kPa")
                .put("statistic", "median inside the confidence mask");
        j.put("study_instance_uid", reading.studyUid()).put("frequency_hz", exam.frequencyHz())
                .put("frequency_source", reading.frequencySource()).put("phase_scaling", reading.phaseScaling())
                .put("rows", exam.rows()).put("columns", exam.cols())
                .put("pixel_spacing_mm", new JsonArray().add(exam.rowSpacingM() * 1000).add(exam.colSpacingM() * 1000))
                .put("phase_offsets", exam.slices().get(0).offsets());
        JsonArray ms = new JsonArray();
        methods.forEach(m -> ms.add(id(m)));
        j.put("methods", ms);
        JsonArray slices = new JsonArray();
        for (int i = 0; i < results.size(); i++) {
            SliceResult r = results.get(i);
            MreSlice s = exam.slices().get(i);
            int n = exam.rows() * exam.cols();
            JsonObject sj = new JsonObject().put("slice", i).put("location_mm", round(s.locationM() * 1000, 3))
                    .put("thickness_mm", round(s.thicknessM() * 1000, 3))
                    .put("mask_threshold", r.confidence().threshold())
                    .put("mask_pixels", r.confidence().maskedPixels())
                    .put("mask_fraction", round((double) r.confidence().maskedPixels() / n, 4));
            JsonObject mj = new JsonObject();
            for (InversionMethod m : methods) {
                StiffnessMap map = r.maps().get(m);
                double median = MapStatistics.medianInMask(map.values(), r.confidence().mask());
                mj.put(id(m), new JsonObject().put("median_kpa", Double.isNaN(median) ? null : round(median, 4))
                        .put("mask_fraction", round((double) defined(map.values(), r.confidence().mask()) / n, 4))
                        .put("quantity", map.quantity().symbol()));
            }
            slices.add(sj.put("methods", mj));
        }
        j.put("slices", slices);
        JsonArray series = new JsonArray();
        for (SeriesReport sr : reading.series()) {
            JsonObject roles = new JsonObject();
            sr.roles().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> roles.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue()));
            series.add(new JsonObject().put("series", sr.series()).put("files", sr.files()).put("roles", roles)
                    .put("used", sr.used()).put("reason", sr.reason()));
        }
        j.put("series", series).put("warnings", new JsonArray(List.copyOf(reading.warnings())));
        JsonObject f = new JsonObject();
        files.forEach(f::put);
        return j.put("files", f.put("summary", "summary.json"));
    }

    /** The method's name on the command line and in JSON: "ahi", "mdev". */
    public static String id(InversionMethod m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    private static int defined(float[] v, boolean[] mask) {
        int n = 0;
        for (int k = 0; k < v.length; k++) {
            if (mask[k] && !Float.isNaN(v[k])) {
                n++;
            }
        }
        return n;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
