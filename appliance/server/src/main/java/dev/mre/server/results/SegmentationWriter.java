// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.util.List;

/**
 * The liver mask and the measurement ROI as one DICOM Segmentation (PS3.3 A.51), BINARY, two
 * segments: 1 = liver (SCT Anatomical Structure / Liver), 2 = measurement ROI (SCT Spatial and
 * Relational Concept / DCM Selected region, anatomic region Liver). One frame per segment and
 * slice, segment-major; each frame names its segment and its source image (Derivation Image,
 * purpose "source image for image processing operation"), and carries its plane position; pixel
 * spacing and orientation are shared. Dimensions: Referenced Segment Number, then Image Position.
 */
final class SegmentationWriter {
    static final int LIVER_SEGMENT = 1;
    static final int ROI_SEGMENT = 2;

    private SegmentationWriter() {
    }

    /** The 1-based frame number of a segment on a slice (frames are segment-major). */
    static int frameNumber(ExamResult r, int segment, int slice) {
        return (segment - 1) * r.slices().size() + slice + 1;
    }

    static ResultObject write(ExamResult r, ResultOptions o, ResultUids uids) {
        int slices = r.slices().size();
        int frames = 2 * slices;
        ExamResult.Geometry g0 = r.slices().get(0).geometry();
        Attributes a = Modules.base(r, o, UID.SegmentationStorage, uids.uid("seg"), uids.uid("seg-series"), "SEG",
                o.segmentation(), 1);
        a.setString(Tag.FrameOfReferenceUID, VR.UI, g0.frameOfReferenceUid());
        a.setValue(Tag.PositionReferenceIndicator, VR.LO, null);
        a.setString(Tag.ImageType, VR.CS, "DERIVED", "PRIMARY");
        a.setString(Tag.ContentLabel, VR.CS, "LIVER_ROI");
        a.setString(Tag.ContentDescription, VR.LO, "Liver mask and MRE measurement ROI");
        a.setValue(Tag.ContentCreatorName, VR.PN, null);
        a.setString(Tag.SegmentationType, VR.CS, "BINARY");
        a.setString(Tag.SegmentsOverlap, VR.CS, "YES");
        a.setString(Tag.LossyImageCompression, VR.CS, "00");
        List<Attributes> segments = a.newSequence(Tag.SegmentSequence);
        segments.add(segment(LIVER_SEGMENT, "Liver", Code.ANATOMICAL_STRUCTURE, Code.LIVER, r, null, 55, 40, 30));
        segments.add(segment(ROI_SEGMENT, "Measurement ROI", Code.SPATIAL_AND_RELATIONAL, Code.SELECTED_REGION, r,
                Code.LIVER, 90, 0, 0));
        Modules.commonInstanceReference(a, r);

        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, g0.rows());
        a.setInt(Tag.Columns, VR.US, g0.cols());
        a.setInt(Tag.BitsAllocated, VR.US, 1);
        a.setInt(Tag.BitsStored, VR.US, 1);
        a.setInt(Tag.HighBit, VR.US, 0);
        a.setInt(Tag.PixelRepresentation, VR.US, 0);
        a.setInt(Tag.NumberOfFrames, VR.IS, frames);

        String organization = uids.uid("seg-dimensions");
        Attributes org = new Attributes();
        org.setString(Tag.DimensionOrganizationUID, VR.UI, organization);
        a.newSequence(Tag.DimensionOrganizationSequence).add(org);
        a.setString(Tag.DimensionOrganizationType, VR.CS, "3D");
        List<Attributes> dims = a.newSequence(Tag.DimensionIndexSequence);
        dims.add(FunctionalGroups.dimension(organization, Tag.ReferencedSegmentNumber, Tag.SegmentIdentificationSequence,
                "Segment Number"));
        dims.add(FunctionalGroups.dimension(organization, Tag.ImagePositionPatient, Tag.PlanePositionSequence,
                "Image Position (Patient)"));

        Attributes shared = new Attributes();
        a.newSequence(Tag.SharedFunctionalGroupsSequence).add(shared);
        List<Attributes> perFrame = a.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        int[] sliceOfFrame = new int[frames];
        int n = g0.rows() * g0.cols();
        byte[] bits = new byte[(frames * n + 7) / 8];
        for (int segment = 1; segment <= 2; segment++) {
            for (int k = 0; k < slices; k++) {
                int f = frameNumber(r, segment, k) - 1;
                sliceOfFrame[f] = k;
                Attributes fg = new Attributes();
                perFrame.add(fg);
                FunctionalGroups.frameContent(fg, segment, k + 1);
                Attributes id = new Attributes();
                id.setInt(Tag.ReferencedSegmentNumber, VR.US, segment);
                fg.newSequence(Tag.SegmentIdentificationSequence).add(id);
                FunctionalGroups.derivation(fg, r.slices().get(k).image(), Code.SEGMENTATION,
                        segment == LIVER_SEGMENT ? "Liver segmentation" : "Automatic MRE measurement ROI");
                boolean[] mask = segment == LIVER_SEGMENT ? r.slices().get(k).liver() : r.slices().get(k).roi();
                long base = (long) f * n;
                for (int p = 0; p < n; p++) {
                    if (mask[p]) {
                        long bit = base + p;
                        bits[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                    }
                }
            }
        }
        FunctionalGroups.planes(r, shared, perFrame, sliceOfFrame);
        a.setBytes(Tag.PixelData, VR.OB, bits);
        return new ResultObject(ResultObject.Kind.SEGMENTATION, a);
    }

    private static Attributes segment(int number, String label, Code category, Code type, ExamResult r, Code region,
                                      int l, int aStar, int bStar) {
        Attributes s = new Attributes();
        s.setInt(Tag.SegmentNumber, VR.US, number);
        s.setString(Tag.SegmentLabel, VR.LO, label);
        category.setOn(s, Tag.SegmentedPropertyCategoryCodeSequence);
        type.setOn(s, Tag.SegmentedPropertyTypeCodeSequence);
        if (region != null) {
            region.setOn(s, Tag.AnatomicRegionSequence);
        }
        s.setString(Tag.SegmentAlgorithmType, VR.CS, "AUTOMATIC");
        s.setString(Tag.SegmentAlgorithmName, VR.LO, r.algorithm().name() + " " + r.algorithm().version());
        // CIELab scaled to 0..65535 (PS3.3 C.10.7.1.1): L 0..100, a and b -128..127.
        s.setInt(Tag.RecommendedDisplayCIELabValue, VR.US, l * 65535 / 100, (aStar + 128) * 65535 / 255,
                (bStar + 128) * 65535 / 255);
        return s;
    }
}
