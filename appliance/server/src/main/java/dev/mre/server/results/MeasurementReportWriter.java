// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import static dev.mre.server.results.SrContent.CONTAINS;
import static dev.mre.server.results.SrContent.HAS_CONCEPT_MOD;
import static dev.mre.server.results.SrContent.HAS_OBS_CONTEXT;
import static dev.mre.server.results.SrContent.add;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measurement report: a Comprehensive SR (PS3.3 A.35.3) with the TID 1500 Imaging Measurement
 * Report structure. Observer context: the appliance as device (TID 1004). Image library: the source
 * images. One measurement group per slice (TID 1410 style: the ROI as a Referenced Segmentation
 * Frame of the SEG; mean and median |G*| as Elasticity in kPa, IQR, area in cm2, pixel count) and
 * one for the exam (TID 1411 style: the ROI segment; exam |G*| as area-weighted mean, total area,
 * stage with its table, review flags). Each group names the algorithm and its models (TID 4019).
 * CurrentRequestedProcedureEvidenceSequence lists the source images and the SEG.
 */
final class MeasurementReportWriter {
    private MeasurementReportWriter() {
    }

    static ResultObject write(ExamResult r, ResultOptions o, ResultUids uids, ResultObject seg) {
        Attributes a = Modules.base(r, o, UID.ComprehensiveSRStorage, uids.uid("sr"), uids.uid("sr-series"), "SR",
                o.report(), 1);
        a.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
        a.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
        a.setString(Tag.VerificationFlag, VR.CS, "UNVERIFIED");
        a.newSequence(Tag.PerformedProcedureCodeSequence);
        evidence(a, r, seg);
        Code.declarePrivateScheme(a);

        a.setString(Tag.ValueType, VR.CS, "CONTAINER");
        Code.IMAGING_MEASUREMENT_REPORT.setOn(a, Tag.ConceptNameCodeSequence);
        a.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        Attributes template = new Attributes();
        template.setString(Tag.MappingResource, VR.CS, "DCMR");
        template.setString(Tag.TemplateIdentifier, VR.CS, "1500");
        a.newSequence(Tag.ContentTemplateSequence).add(template);

        add(a, SrContent.code(HAS_CONCEPT_MOD, Code.LANGUAGE, Code.ENGLISH),
                SrContent.code(HAS_OBS_CONTEXT, Code.OBSERVER_TYPE, Code.DEVICE),
                SrContent.uidref(HAS_OBS_CONTEXT, Code.DEVICE_OBSERVER_UID, ResultUids.deviceUid(o.equipment())),
                SrContent.text(HAS_OBS_CONTEXT, Code.DEVICE_OBSERVER_NAME, o.equipment().model()),
                SrContent.text(HAS_OBS_CONTEXT, Code.DEVICE_OBSERVER_MANUFACTURER, o.equipment().manufacturer()),
                SrContent.text(HAS_OBS_CONTEXT, Code.DEVICE_OBSERVER_MODEL, o.equipment().model()),
                SrContent.code(HAS_CONCEPT_MOD, Code.PROCEDURE_REPORTED, Code.MRI_PROCEDURE));
        Attributes group = SrContent.container(CONTAINS, Code.IMAGE_LIBRARY_GROUP);
        for (ExamResult.Slice s : r.slices()) {
            add(group, SrContent.image(CONTAINS, null, s.image().sopClassUid(), s.image().sopInstanceUid(), 0, 0));
        }
        add(a, add(SrContent.container(CONTAINS, Code.IMAGE_LIBRARY), group));

        Attributes measurements = SrContent.container(CONTAINS, Code.IMAGING_MEASUREMENTS);
        for (int k = 0; k < r.slices().size(); k++) {
            add(measurements, sliceGroup(r, k, uids, seg));
        }
        add(measurements, examGroup(r, uids, seg));
        add(a, measurements);
        return new ResultObject(ResultObject.Kind.MEASUREMENT_REPORT, a);
    }

    private static Attributes sliceGroup(ExamResult r, int k, ResultUids uids, ResultObject seg) {
        ExamResult.Slice s = r.slices().get(k);
        ExamResult.SliceValues v = s.values();
        Attributes g = SrContent.container(CONTAINS, Code.MEASUREMENT_GROUP);
        add(g, SrContent.text(HAS_OBS_CONTEXT, Code.TRACKING_IDENTIFIER, "MRE ROI slice " + (k + 1)),
                SrContent.uidref(HAS_OBS_CONTEXT, Code.TRACKING_UID, uids.uid("sr-tracking/" + (k + 1))),
                SrContent.image(CONTAINS, Code.REFERENCED_SEGMENTATION_FRAME, seg.sopClassUid(), seg.sopInstanceUid(),
                        SegmentationWriter.frameNumber(r, SegmentationWriter.ROI_SEGMENT, k), 0),
                SrContent.code(HAS_CONCEPT_MOD, Code.FINDING_SITE, Code.LIVER));
        algorithm(g, r);
        add(g, add(SrContent.num(CONTAINS, Code.ELASTICITY, v.meanKpa(), Code.KPA),
                        SrContent.code(HAS_CONCEPT_MOD, Code.DERIVATION, Code.MEAN)),
                add(SrContent.num(CONTAINS, Code.ELASTICITY, v.medianKpa(), Code.KPA),
                        SrContent.code(HAS_CONCEPT_MOD, Code.DERIVATION, Code.MEDIAN)),
                SrContent.num(CONTAINS, Code.INTERQUARTILE_RANGE, v.iqrKpa(), Code.KPA),
                SrContent.num(CONTAINS, Code.AREA, v.areaCm2(), Code.CM2),
                SrContent.num(CONTAINS, Code.PIXEL_COUNT, v.pixels(), Code.PIXELS));
        return g;
    }

    private static Attributes examGroup(ExamResult r, ResultUids uids, ResultObject seg) {
        Attributes g = SrContent.container(CONTAINS, Code.MEASUREMENT_GROUP);
        add(g, SrContent.text(HAS_OBS_CONTEXT, Code.TRACKING_IDENTIFIER, "MRE liver stiffness exam"),
                SrContent.uidref(HAS_OBS_CONTEXT, Code.TRACKING_UID, uids.uid("sr-tracking/exam")),
                SrContent.image(CONTAINS, Code.REFERENCED_SEGMENT, seg.sopClassUid(), seg.sopInstanceUid(), 0,
                        SegmentationWriter.ROI_SEGMENT),
                SrContent.uidref(CONTAINS, Code.SOURCE_SERIES_FOR_SEGMENTATION, r.slices().get(0).image().seriesUid()),
                SrContent.code(HAS_CONCEPT_MOD, Code.FINDING_SITE, Code.LIVER));
        algorithm(g, r);
        double area = 0;
        for (ExamResult.Slice s : r.slices()) {
            area += s.values().areaCm2();
        }
        add(g, add(SrContent.num(CONTAINS, Code.ELASTICITY, r.examKpa(), Code.KPA),
                        SrContent.code(HAS_CONCEPT_MOD, Code.DERIVATION, Code.AREA_WEIGHTED_MEAN)),
                SrContent.num(CONTAINS, Code.AREA, area, Code.CM2),
                add(SrContent.text(CONTAINS, Code.FIBROSIS_STAGE, r.stage().label()),
                        SrContent.text(HAS_CONCEPT_MOD, Code.STAGING_TABLE,
                                r.stage().tableName() + " " + r.stage().tableVersion())));
        for (ExamResult.ReviewFlag f : r.flags()) {
            add(g, SrContent.text(CONTAINS, Code.REVIEW_FLAG, f.code() + ": " + f.reason()));
        }
        return g;
    }

    /** TID 4019 Algorithm Identification: name, version, and each model as a parameter. */
    private static void algorithm(Attributes group, ExamResult r) {
        add(group, SrContent.text(HAS_CONCEPT_MOD, Code.ALGORITHM_NAME, r.algorithm().name()),
                SrContent.text(HAS_CONCEPT_MOD, Code.ALGORITHM_VERSION, r.algorithm().version()));
        for (ExamResult.Model m : r.algorithm().models()) {
            add(group, SrContent.text(HAS_CONCEPT_MOD, Code.ALGORITHM_PARAMETERS, "model " + m.name() + " " + m.version()));
        }
    }

    /** CurrentRequestedProcedureEvidenceSequence: every referenced instance, by study and series. */
    private static void evidence(Attributes a, ExamResult r, ResultObject seg) {
        Map<String, List<Attributes>> series = new LinkedHashMap<>();
        for (Map.Entry<String, List<ExamResult.SourceImage>> e : Modules.bySeries(r).entrySet()) {
            List<Attributes> refs = new ArrayList<>();
            e.getValue().forEach(s -> refs.add(Modules.sopRef(s.sopClassUid(), s.sopInstanceUid())));
            series.put(e.getKey(), refs);
        }
        series.computeIfAbsent(seg.dataset().getString(Tag.SeriesInstanceUID), k -> new ArrayList<>())
                .add(Modules.sopRef(seg.sopClassUid(), seg.sopInstanceUid()));
        Attributes study = new Attributes();
        study.setString(Tag.StudyInstanceUID, VR.UI, r.studyUid());
        List<Attributes> seriesSeq = study.newSequence(Tag.ReferencedSeriesSequence);
        for (Map.Entry<String, List<Attributes>> e : series.entrySet()) {
            Attributes s = new Attributes();
            s.setString(Tag.SeriesInstanceUID, VR.UI, e.getKey());
            s.newSequence(Tag.ReferencedSOPSequence).addAll(e.getValue());
            seriesSeq.add(s);
        }
        a.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence).add(study);
    }
}
