// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Tag;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scanner's own confidence-masked elastogram (kPa, 0 outside the confidence mask) for every
 * slice of the exam, which the DL models take as an input channel ({@code elastogram_kpa},
 * docs/design/model-packages.md). Found among the images the classifier marked
 * {@link ImageRole#MASKED_ELASTOGRAM}: the series of the exam's study and frame of reference that
 * covers every slice position on the exam's grid. Units from RescaleType: PA (GE- and
 * Siemens-like exports) or KPA; anything else is read as Pa with a warning.
 *
 * @param kpa       one row-major image per exam slice, in exam slice order; empty when absent
 * @param source    where it came from, or why there is none, in words
 * @param seriesUid its SeriesInstanceUID; "" when absent
 */
public record VendorElastogram(List<float[]> kpa, String source, String seriesUid) {

    public VendorElastogram {
        kpa = List.copyOf(kpa);
    }

    /** Whether every slice has one. */
    public boolean present() {
        return !kpa.isEmpty();
    }

    /** The masked elastogram that fits the exam of phase image {@code phase}, or none with the reason. */
    static VendorElastogram find(List<SourceImage> images, SourceImage phase, MreExam exam, List<String> warnings) {
        String study = phase.data().getString(Tag.StudyInstanceUID, "");
        String frame = phase.data().getString(Tag.FrameOfReferenceUID, "");
        Map<String, List<SourceImage>> series = ExamAssembler.bySeries(images, ImageRole.MASKED_ELASTOGRAM, study);
        List<String> rejected = new ArrayList<>();
        for (List<SourceImage> s : series.values()) {
            SourceImage first = s.get(0);
            if (!frame.equals(first.data().getString(Tag.FrameOfReferenceUID, ""))) {
                rejected.add(first.seriesLabel() + ": another frame of reference");
                continue;
            }
            Map<Long, List<SourceImage>> bySlice = ExamAssembler.bySlice(s);
            List<float[]> out = new ArrayList<>();
            String problem = null;
            for (MreSlice sl : exam.slices()) {
                List<SourceImage> at = bySlice.get(Math.round(sl.locationM() * 1000 * 100));
                if (at == null || at.size() != 1) {
                    problem = (at == null ? "no image" : at.size() + " images") + " at z="
                            + ExamAssembler.fmt(sl.locationM() * 1000) + " mm";
                    break;
                }
                SourceImage img = at.get(0);
                if (img.data().getInt(Tag.Rows, 0) != exam.rows() || img.data().getInt(Tag.Columns, 0) != exam.cols()) {
                    problem = "matrix " + img.data().getInt(Tag.Rows, 0) + "x" + img.data().getInt(Tag.Columns, 0)
                            + " differs from the exam's " + exam.rows() + "x" + exam.cols();
                    break;
                }
                try {
                    out.add(kpa(img, exam.rows(), exam.cols(), warnings));
                } catch (ExamException e) {
                    problem = e.getMessage();
                    break;
                }
            }
            if (problem == null) {
                return new VendorElastogram(out, "series " + first.seriesLabel() + " ("
                        + first.data().getString(Tag.RescaleType, "no RescaleType") + ")", first.seriesUid());
            }
            rejected.add(first.seriesLabel() + ": " + problem);
        }
        String why = series.isEmpty() ? "no masked vendor elastogram series in the exam"
                : "no masked elastogram series fits the exam (" + String.join("; ", rejected) + ")";
        return new VendorElastogram(List.of(), why, "");
    }

    private static float[] kpa(SourceImage img, int rows, int cols, List<String> warnings) throws ExamException {
        float[] v = Pixels.rescaled(img, rows, cols);
        String type = img.data().getString(Tag.RescaleType, "").toUpperCase(Locale.ROOT);
        double k;
        if (type.equals("KPA")) {
            k = 1;
        } else {
            k = 0.001;
            if (!type.equals("PA")) {
                String w = "elastogram series " + img.seriesLabel() + " has RescaleType '" + type
                        + "', not PA or KPA: read as Pa";
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * k);
        }
        return v;
    }
}
