// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The result writers in one place: turns one {@link ExamResult} into the DICOM objects the
 * appliance sends back to the console and PACS, in sending order: the colour elastograms (one per
 * slice), the stiffness map, the segmentation and the measurement report (which references the
 * segmentation and the source images). UIDs come from {@link ResultUids}, so writing the same
 * result twice gives identical objects.
 */
public final class ResultObjects {
    private ResultObjects() {
    }

    public static List<ResultObject> write(ExamResult r, ResultOptions o) {
        ResultUids uids = ResultUids.of(r);
        List<ResultObject> out = new ArrayList<>(ColourElastogramWriter.write(r, o, uids));
        out.add(StiffnessMapWriter.write(r, o, uids));
        ResultObject seg = SegmentationWriter.write(r, o, uids);
        out.add(seg);
        out.add(MeasurementReportWriter.write(r, o, uids, seg));
        return out;
    }
}
