// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

/**
 * Plane geometry functional groups of the enhanced multi-frame result objects (Parametric Map,
 * SEG): Pixel Measures and Plane Orientation go into the Shared Functional Groups when every slice
 * has the same values (the usual MRE exam), into each frame otherwise; Plane Position always per
 * frame. Also the Derivation Image macro pointing a frame at its source image, and DS formatting.
 */
final class FunctionalGroups {
    private FunctionalGroups() {
    }

    /** True when every slice has the source geometry's spacing, thickness and orientation of slice 0. */
    static boolean uniformPlanes(ExamResult r) {
        ExamResult.Geometry g0 = r.slices().get(0).geometry();
        for (ExamResult.Slice s : r.slices()) {
            ExamResult.Geometry g = s.geometry();
            if (!Arrays.equals(g.pixelSpacing(), g0.pixelSpacing()) || !Arrays.equals(g.orientation(), g0.orientation())
                    || g.sliceThicknessMm() != g0.sliceThicknessMm() || g.rows() != g0.rows() || g.cols() != g0.cols()) {
                if (g.rows() != g0.rows() || g.cols() != g0.cols()) {
                    throw new IllegalArgumentException("slices of one exam must share one matrix size for multi-frame results");
                }
                return false;
            }
        }
        return true;
    }

    static void pixelMeasures(Attributes group, ExamResult.Geometry g) {
        Attributes m = new Attributes();
        m.setString(Tag.PixelSpacing, VR.DS, ds(g.pixelSpacing()));
        m.setString(Tag.SliceThickness, VR.DS, ds(g.sliceThicknessMm()));
        group.newSequence(Tag.PixelMeasuresSequence).add(m);
    }

    static void planeOrientation(Attributes group, ExamResult.Geometry g) {
        Attributes o = new Attributes();
        o.setString(Tag.ImageOrientationPatient, VR.DS, ds(g.orientation()));
        group.newSequence(Tag.PlaneOrientationSequence).add(o);
    }

    static void planePosition(Attributes group, ExamResult.Geometry g) {
        Attributes p = new Attributes();
        p.setString(Tag.ImagePositionPatient, VR.DS, ds(g.position()));
        group.newSequence(Tag.PlanePositionSequence).add(p);
    }

    /** Adds the plane groups: in shared when uniform, otherwise in each frame's group. */
    static void planes(ExamResult r, Attributes shared, List<Attributes> perFrame, int[] sliceOfFrame) {
        boolean uniform = uniformPlanes(r);
        if (uniform) {
            pixelMeasures(shared, r.slices().get(0).geometry());
            planeOrientation(shared, r.slices().get(0).geometry());
        }
        for (int f = 0; f < perFrame.size(); f++) {
            ExamResult.Geometry g = r.slices().get(sliceOfFrame[f]).geometry();
            if (!uniform) {
                pixelMeasures(perFrame.get(f), g);
                planeOrientation(perFrame.get(f), g);
            }
            planePosition(perFrame.get(f), g);
        }
    }

    /** Derivation Image macro: the frame derives from one source image by the given derivation. */
    static void derivation(Attributes group, ExamResult.SourceImage source, Code derivation, String description) {
        Attributes d = new Attributes();
        d.setString(Tag.DerivationDescription, VR.ST, description);
        derivation.setOn(d, Tag.DerivationCodeSequence);
        d.newSequence(Tag.SourceImageSequence).add(Modules.sourceImage(source));
        group.newSequence(Tag.DerivationImageSequence).add(d);
    }

    /** Frame Content: the frame's dimension index values (1-based). */
    static void frameContent(Attributes group, int... indexValues) {
        Attributes c = new Attributes();
        c.setInt(Tag.DimensionIndexValues, VR.UL, indexValues);
        group.newSequence(Tag.FrameContentSequence).add(c);
    }

    /** One item of the Dimension Index Sequence. */
    static Attributes dimension(String organizationUid, int indexPointer, int functionalGroupPointer, String label) {
        Attributes d = new Attributes();
        d.setString(Tag.DimensionOrganizationUID, VR.UI, organizationUid);
        d.setInt(Tag.DimensionIndexPointer, VR.AT, indexPointer);
        d.setInt(Tag.FunctionalGroupPointer, VR.AT, functionalGroupPointer);
        d.setString(Tag.DimensionDescriptionLabel, VR.LO, label);
        return d;
    }

    /** Decimal strings of at most 16 characters (the DS limit), shortest exact form first. */
    static String[] ds(double... v) {
        String[] s = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("a decimal string cannot hold " + v[i]);
            }
            String t = null;
            for (int digits = 12; digits >= 1; digits--) {
                t = new BigDecimal(v[i]).round(new MathContext(digits)).stripTrailingZeros().toString();
                if (t.length() <= 16) {
                    break;
                }
            }
            s[i] = t;
        }
        return s;
    }
}
