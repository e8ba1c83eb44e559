// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.ElementDictionary;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The modules every result object shares (Patient, General Study, General Series, General and
 * Enhanced General Equipment, SOP Common) and the reference sequences into the source images.
 * Patient and study values are copied byte for byte from the received images (same Specific
 * Character Set), never decoded or logged.
 */
final class Modules {
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);

    /** Patient and General Study attributes copied when present; the type 2 ones are written empty otherwise. */
    private static final int[] COPIED = {Tag.SpecificCharacterSet, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate,
        Tag.PatientSex, Tag.PatientAge, Tag.PatientWeight, Tag.StudyInstanceUID, Tag.StudyDate, Tag.StudyTime,
        Tag.ReferringPhysicianName, Tag.StudyID, Tag.AccessionNumber, Tag.StudyDescription};
    private static final int[] TYPE2 = {Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
        Tag.StudyDate, Tag.StudyTime, Tag.ReferringPhysicianName, Tag.StudyID, Tag.AccessionNumber};

    private Modules() {
    }

    /** A new data set with Patient, General Study, General Series, equipment and SOP Common filled in. */
    static Attributes base(ExamResult r, ResultOptions o, String sopClass, String sopInstance, String seriesUid,
                           String modality, ResultOptions.Series series, int instanceNumber) {
        Attributes a = new Attributes();
        for (int tag : COPIED) {
            if (r.source().contains(tag)) {
                a.setValue(tag, r.source().getVR(tag), r.source().getValue(tag));
            }
        }
        for (int tag : TYPE2) {
            if (!a.contains(tag)) {
                a.setValue(tag, ElementDictionary.vrOf(tag), null);
            }
        }
        a.setString(Tag.SOPClassUID, VR.UI, sopClass);
        a.setString(Tag.SOPInstanceUID, VR.UI, sopInstance);
        a.setString(Tag.InstanceCreationDate, VR.DA, date(r.created()));
        a.setString(Tag.InstanceCreationTime, VR.TM, time(r.created()));
        a.setString(Tag.Modality, VR.CS, modality);
        a.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        a.setInt(Tag.SeriesNumber, VR.IS, series.number());
        a.setString(Tag.SeriesDescription, VR.LO, series.description());
        a.setString(Tag.SeriesDate, VR.DA, date(r.created()));
        a.setString(Tag.SeriesTime, VR.TM, time(r.created()));
        a.setInt(Tag.InstanceNumber, VR.IS, instanceNumber);
        a.setString(Tag.ContentDate, VR.DA, date(r.created()));
        a.setString(Tag.ContentTime, VR.TM, time(r.created()));
        ResultOptions.Equipment e = o.equipment();
        a.setString(Tag.Manufacturer, VR.LO, e.manufacturer());
        a.setString(Tag.ManufacturerModelName, VR.LO, e.model());
        a.setString(Tag.DeviceSerialNumber, VR.LO, e.serialNumber());
        a.setString(Tag.SoftwareVersions, VR.LO, r.algorithm().name() + " " + r.algorithm().version());
        if (r.source().contains(Tag.InstitutionName)) {
            a.setValue(Tag.InstitutionName, r.source().getVR(Tag.InstitutionName), r.source().getValue(Tag.InstitutionName));
        }
        return a;
    }

    static String date(LocalDateTime t) {
        return DA.format(t);
    }

    static String time(LocalDateTime t) {
        return TM.format(t);
    }

    /** A reference item: ReferencedSOPClassUID and ReferencedSOPInstanceUID. */
    static Attributes sopRef(String sopClass, String sopInstance) {
        Attributes a = new Attributes();
        a.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass);
        a.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstance);
        return a;
    }

    /** A source image reference with Purpose of Reference "source image for image processing operation". */
    static Attributes sourceImage(ExamResult.SourceImage s) {
        Attributes a = sopRef(s.sopClassUid(), s.sopInstanceUid());
        Code.SOURCE_IMAGE_FOR_PROCESSING.setOn(a, Tag.PurposeOfReferenceCodeSequence);
        return a;
    }

    /** The source images grouped by series, in first-seen order. */
    static Map<String, List<ExamResult.SourceImage>> bySeries(ExamResult r) {
        Map<String, List<ExamResult.SourceImage>> m = new LinkedHashMap<>();
        for (ExamResult.Slice s : r.slices()) {
            m.computeIfAbsent(s.image().seriesUid(), k -> new ArrayList<>()).add(s.image());
        }
        return m;
    }

    /** Common Instance Reference module: ReferencedSeriesSequence of the source images (same study). */
    static void commonInstanceReference(Attributes a, ExamResult r) {
        List<Attributes> series = a.newSequence(Tag.ReferencedSeriesSequence);
        for (Map.Entry<String, List<ExamResult.SourceImage>> e : bySeries(r).entrySet()) {
            Attributes item = new Attributes();
            item.setString(Tag.SeriesInstanceUID, VR.UI, e.getKey());
            List<Attributes> inst = item.newSequence(Tag.ReferencedInstanceSequence);
            e.getValue().forEach(s -> inst.add(sopRef(s.sopClassUid(), s.sopInstanceUid())));
            series.add(item);
        }
    }

}
