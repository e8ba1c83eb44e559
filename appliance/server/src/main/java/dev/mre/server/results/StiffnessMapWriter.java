// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantitative stiffness map: one Parametric Map Storage object (PS3.3 A.75), one frame per
 * slice, 32-bit float pixel values that are |G*| in kPa, with a Real World Value Mapping (identity,
 * units UCUM "kPa") so quantitative viewers read kPa directly. Undefined pixels (NaN in the result)
 * are written as 0, which FloatPixelPaddingValue declares as padding: no tissue has 0 kPa.
 * Geometry (Frame of Reference, plane position and orientation, pixel spacing) is the source
 * images', so the map overlays them exactly.
 */
final class StiffnessMapWriter {
    static final float PADDING = 0f;

    private StiffnessMapWriter() {
    }

    static ResultObject write(ExamResult r, ResultOptions o, ResultUids uids) {
        int frames = r.slices().size();
        ExamResult.Geometry g0 = r.slices().get(0).geometry();
        Attributes a = Modules.base(r, o, UID.ParametricMapStorage, uids.uid("map"), uids.uid("map-series"), "MR",
                o.map(), 1);
        a.setString(Tag.FrameOfReferenceUID, VR.UI, g0.frameOfReferenceUid());
        a.setValue(Tag.PositionReferenceIndicator, VR.LO, null);
        a.setString(Tag.ImageType, VR.CS, "DERIVED", "PRIMARY", "ELASTICITY", "NONE");
        a.setString(Tag.ContentQualification, VR.CS, "RESEARCH");
        a.setString(Tag.ContentLabel, VR.CS, "STIFFNESS_KPA");
        a.setString(Tag.ContentDescription, VR.LO, "Liver MRE |G*| in kPa");
        a.setValue(Tag.ContentCreatorName, VR.PN, null);
        a.setString(Tag.BurnedInAnnotation, VR.CS, "NO");
        a.setString(Tag.RecognizableVisualFeatures, VR.CS, "NO");
        a.setString(Tag.LossyImageCompression, VR.CS, "00");
        a.setString(Tag.PresentationLUTShape, VR.CS, "IDENTITY");
        a.newSequence(Tag.AcquisitionContextSequence);
        Modules.commonInstanceReference(a, r);
        Code.declarePrivateScheme(a);

        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, g0.rows());
        a.setInt(Tag.Columns, VR.US, g0.cols());
        a.setInt(Tag.BitsAllocated, VR.US, 32);
        a.setInt(Tag.NumberOfFrames, VR.IS, frames);
        a.setDouble(Tag.FloatPixelPaddingValue, VR.FL, PADDING);
        a.setDouble(Tag.FloatPixelPaddingRangeLimit, VR.FL, PADDING);

        String organization = uids.uid("map-dimensions");
        a.newSequence(Tag.DimensionOrganizationSequence).add(organizationItem(organization));
        a.setString(Tag.DimensionOrganizationType, VR.CS, "3D");
        a.newSequence(Tag.DimensionIndexSequence).add(FunctionalGroups.dimension(organization, Tag.ImagePositionPatient,
                Tag.PlanePositionSequence, "Image Position (Patient)"));

        Attributes shared = new Attributes();
        a.newSequence(Tag.SharedFunctionalGroupsSequence).add(shared);
        List<Attributes> perFrame = a.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        int[] sliceOfFrame = new int[frames];
        float max = 0;
        for (int f = 0; f < frames; f++) {
            Attributes fg = new Attributes();
            perFrame.add(fg);
            sliceOfFrame[f] = f;
            FunctionalGroups.frameContent(fg, f + 1);
            FunctionalGroups.derivation(fg, r.slices().get(f).image(), Code.WAVE_INVERSION,
                    "|G*| by wave inversion of the MRE phase images");
            for (float v : r.slices().get(f).stiffnessKpa()) {
                if (Float.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        FunctionalGroups.planes(r, shared, perFrame, sliceOfFrame);
        frameType(shared);
        frameAnatomy(shared);
        identityTransformation(shared);
        shared.newSequence(Tag.RealWorldValueMappingSequence).add(realWorldValueMapping(max));
        Attributes voi = new Attributes();
        voi.setString(Tag.WindowCenter, VR.DS, FunctionalGroups.ds(o.scaleMaxKpa() / 2));
        voi.setString(Tag.WindowWidth, VR.DS, FunctionalGroups.ds(o.scaleMaxKpa()));
        voi.setString(Tag.WindowCenterWidthExplanation, VR.LO, "0 to " + o.scaleMaxKpa() + " kPa");
        shared.newSequence(Tag.FrameVOILUTSequence).add(voi);

        a.setBytes(Tag.FloatPixelData, VR.OF, pixels(r));
        return new ResultObject(ResultObject.Kind.STIFFNESS_MAP, a);
    }

    private static Attributes organizationItem(String uid) {
        Attributes d = new Attributes();
        d.setString(Tag.DimensionOrganizationUID, VR.UI, uid);
        return d;
    }

    private static void frameType(Attributes shared) {
        Attributes t = new Attributes();
        t.setString(Tag.FrameType, VR.CS, "DERIVED", "PRIMARY", "ELASTICITY", "NONE");
        shared.newSequence(Tag.ParametricMapFrameTypeSequence).add(t);
    }

    private static void frameAnatomy(Attributes shared) {
        Attributes t = new Attributes();
        Code.LIVER.setOn(t, Tag.AnatomicRegionSequence);
        t.setString(Tag.FrameLaterality, VR.CS, "U");
        shared.newSequence(Tag.FrameAnatomySequence).add(t);
    }

    private static void identityTransformation(Attributes shared) {
        Attributes t = new Attributes();
        t.setString(Tag.RescaleIntercept, VR.DS, "0");
        t.setString(Tag.RescaleSlope, VR.DS, "1");
        t.setString(Tag.RescaleType, VR.LO, "US");
        shared.newSequence(Tag.PixelValueTransformationSequence).add(t);
    }

    /** Identity mapping of stored float values to kPa over [0, max]. */
    static Attributes realWorldValueMapping(float maxKpa) {
        Attributes m = new Attributes();
        m.setDouble(Tag.DoubleFloatRealWorldValueFirstValueMapped, VR.FD, 0);
        m.setDouble(Tag.DoubleFloatRealWorldValueLastValueMapped, VR.FD, Math.max(maxKpa, 1e-3));
        m.setDouble(Tag.RealWorldValueIntercept, VR.FD, 0);
        m.setDouble(Tag.RealWorldValueSlope, VR.FD, 1);
        m.setString(Tag.LUTExplanation, VR.LO, "Magnitude of complex shear modulus |G*|");
        m.setString(Tag.LUTLabel, VR.SH, "STIFFNESS");
        Code.KPA.setOn(m, Tag.MeasurementUnitsCodeSequence);
        Attributes q = new Attributes();
        q.setString(Tag.ValueType, VR.CS, "CODE");
        Code.QUANTITY.setOn(q, Tag.ConceptNameCodeSequence);
        Code.ELASTICITY.setOn(q, Tag.ConceptCodeSequence);
        m.newSequence(Tag.QuantityDefinitionSequence).add(q);
        return m;
    }

    private static byte[] pixels(ExamResult r) {
        List<byte[]> frames = new ArrayList<>();
        int total = 0;
        for (ExamResult.Slice s : r.slices()) {
            float[] v = s.stiffnessKpa();
            byte[] b = new byte[v.length * 4];
            for (int i = 0; i < v.length; i++) {
                int bits = Float.floatToRawIntBits(Float.isFinite(v[i]) ? v[i] : PADDING);
                b[4 * i] = (byte) bits;
                b[4 * i + 1] = (byte) (bits >> 8);
                b[4 * i + 2] = (byte) (bits >> 16);
                b[4 * i + 3] = (byte) (bits >> 24);
            }
            frames.add(b);
            total += b.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] b : frames) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return all;
    }
}
