// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import java.util.List;

/**
 * SR content items (PS3.3 C.17.3, Document Content Macro): one factory per value type used by the
 * measurement report. Each returns the item so children can be added with {@link #add}.
 */
final class SrContent {
    static final String CONTAINS = "CONTAINS";
    static final String HAS_CONCEPT_MOD = "HAS CONCEPT MOD";
    static final String HAS_OBS_CONTEXT = "HAS OBS CONTEXT";

    private SrContent() {
    }

    static Attributes container(String relationship, Code name) {
        Attributes a = item(relationship, "CONTAINER", name);
        a.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        return a;
    }

    static Attributes text(String relationship, Code name, String value) {
        Attributes a = item(relationship, "TEXT", name);
        a.setString(Tag.TextValue, VR.UT, value);
        return a;
    }

    static Attributes code(String relationship, Code name, Code value) {
        Attributes a = item(relationship, "CODE", name);
        value.setOn(a, Tag.ConceptCodeSequence);
        return a;
    }

    static Attributes uidref(String relationship, Code name, String uid) {
        Attributes a = item(relationship, "UIDREF", name);
        a.setString(Tag.UID, VR.UI, uid);
        return a;
    }

    static Attributes num(String relationship, Code name, double value, Code unit) {
        Attributes a = item(relationship, "NUM", name);
        Attributes m = new Attributes();
        unit.setOn(m, Tag.MeasurementUnitsCodeSequence);
        m.setString(Tag.NumericValue, VR.DS, FunctionalGroups.ds(value));
        a.newSequence(Tag.MeasuredValueSequence).add(m);
        return a;
    }

    /** An IMAGE item; frame and segment numbers are added when positive. */
    static Attributes image(String relationship, Code name, String sopClass, String sopInstance, int frame, int segment) {
        Attributes a = item(relationship, "IMAGE", name);
        Attributes ref = Modules.sopRef(sopClass, sopInstance);
        if (frame > 0) {
            ref.setInt(Tag.ReferencedFrameNumber, VR.IS, frame);
        }
        if (segment > 0) {
            ref.setInt(Tag.ReferencedSegmentNumber, VR.US, segment);
        }
        a.newSequence(Tag.ReferencedSOPSequence).add(ref);
        return a;
    }

    /** Appends children to a content item, creating its ContentSequence on first use. */
    static Attributes add(Attributes parent, Attributes... children) {
        List<Attributes> seq = parent.getSequence(Tag.ContentSequence);
        if (seq == null) {
            seq = parent.newSequence(Tag.ContentSequence);
        }
        for (Attributes c : children) {
            seq.add(c);
        }
        return parent;
    }

    private static Attributes item(String relationship, String valueType, Code name) {
        Attributes a = new Attributes();
        if (relationship != null) {
            a.setString(Tag.RelationshipType, VR.CS, relationship);
        }
        a.setString(Tag.ValueType, VR.CS, valueType);
        if (name != null) {
            name.setOn(a, Tag.ConceptNameCodeSequence);
        }
        return a;
    }
}
