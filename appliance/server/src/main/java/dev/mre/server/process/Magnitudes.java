// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the magnitude images that belong to the phase series. GE-like exports hold them in the
 * phase series itself; Siemens-like exports put them in their own series, which must be of the
 * same study and frame of reference and cover the same slice positions. Exactly one such series
 * is accepted; none or several is an error naming the candidates.
 */
final class Magnitudes {
    private Magnitudes() {
    }

    static List<SourceImage> choose(List<SourceImage> images, SourceImage phase, Set<Long> phaseSlices)
            throws ExamException {
        String study = phase.data().getString(Tag.StudyInstanceUID, "");
        String frame = phase.data().getString(Tag.FrameOfReferenceUID, "");
        Map<String, List<SourceImage>> series = ExamAssembler.bySeries(images, ImageRole.MAGNITUDE, study);
        List<SourceImage> own = series.get(phase.seriesUid());
        if (own != null) {
            return own;
        }
        List<List<SourceImage>> fit = new ArrayList<>();
        for (List<SourceImage> s : series.values()) {
            String f = s.get(0).data().getString(Tag.FrameOfReferenceUID, "");
            if (f.equals(frame) && ExamAssembler.locations(s).equals(phaseSlices)) {
                fit.add(s);
            }
        }
        if (fit.size() == 1) {
            return fit.get(0);
        }
        if (fit.isEmpty()) {
            throw ExamException.unusable("no magnitude images for phase series " + phase.seriesLabel()
                    + ": it holds none, and no magnitude series of the same study and frame of reference covers"
                    + " its " + phaseSlices.size() + " slice positions"
                    + (series.isEmpty() ? "" : " (magnitude series seen: " + ExamAssembler.labels(series) + ")"));
        }
        StringBuilder b = new StringBuilder();
        for (List<SourceImage> s : fit) {
            b.append(b.length() == 0 ? "" : ", ").append(s.get(0).seriesLabel());
        }
        throw ExamException.unusable("several magnitude series fit phase series " + phase.seriesLabel() + " (" + b
                + "); give a folder holding one MRE acquisition");
    }
}
