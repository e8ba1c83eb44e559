// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.dicom;

import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.VR;
import java.util.Locale;

/**
 * Builds the data set of one MR Image Storage object (PS3.3 A.4): patient, study, series, frame
 * of reference, equipment, image plane, image pixel, MR image and SOP common modules, with the
 * acquisition parameters of a 60 Hz motion-encoded GRE. Tags are written as numbers with their
 * keyword beside them, so this file reads against PS3.6.
 */
final class MrImage {
    static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

    private MrImage() {
    }

    /** Where and what one image is. */
    record Frame(long seed, String studyUid, String seriesUid, String frameOfRefUid, String sopUid, int seriesNumber,
                 String seriesDescription, String[] imageType, int instance, double zMm, double triggerMs,
                 int rows, int columns, double pixelMm, double thicknessMm, double spacingMm) {
    }

    static Attributes build(Frame f, Vendor v, String kind) {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        a.setString(Tag.ImageType, VR.CS, f.imageType());
        a.setString(Tag.SOPClassUID, VR.UI, MR_IMAGE_STORAGE);
        a.setString(Tag.SOPInstanceUID, VR.UI, f.sopUid());
        String date = "2025" + String.format(Locale.ROOT, "%02d%02d", 1 + Math.floorMod(f.seed(), 12),
                1 + Math.floorMod(f.seed() / 12, 28));
        a.setString(Tag.StudyDate, VR.DA, date);
        a.setString(Tag.SeriesDate, VR.DA, date);
        a.setString(Tag.ContentDate, VR.DA, date);
        a.setString(Tag.StudyTime, VR.TM, "100000");
        a.setString(Tag.SeriesTime, VR.TM, String.format(Locale.ROOT, "10%02d00", f.seriesNumber() % 60));
        a.setString(Tag.ContentTime, VR.TM, String.format(Locale.ROOT, "10%02d%02d", f.seriesNumber() % 60,
                f.instance() % 60));                                          // ContentTime
        a.setString(Tag.AccessionNumber, VR.SH, "PH" + Math.floorMod(f.seed(), 100000000L));
        a.setString(Tag.Modality, VR.CS, "MR");
        a.setString(Tag.Manufacturer, VR.LO, v.manufacturer());
        a.setString(Tag.InstitutionName, VR.LO, "MRE DIGITAL PHANTOM");
        a.setString(Tag.ReferringPhysicianName, VR.PN, "");
        a.setString(Tag.SeriesDescription, VR.LO, f.seriesDescription());
        a.setString(Tag.ManufacturerModelName, VR.LO, v.model());
        a.setString(Tag.PatientName, VR.PN, "PHANTOM^" + kind.toUpperCase(Locale.ROOT));
        a.setString(Tag.PatientID, VR.LO, "PHANTOM-" + f.seed());
        a.setString(Tag.PatientBirthDate, VR.DA, "");
        a.setString(Tag.PatientSex, VR.CS, "O");
        a.setString(Tag.ScanningSequence, VR.CS, "GR");
        a.setString(Tag.SequenceVariant, VR.CS, "SP");
        a.setString(Tag.ScanOptions, VR.CS, "");
        a.setString(Tag.MRAcquisitionType, VR.CS, "2D");
        a.setString(Tag.SliceThickness, VR.DS, ds(f.thicknessMm()));
        a.setString(Tag.RepetitionTime, VR.DS, "50");
        a.setString(Tag.EchoTime, VR.DS, "20");
        a.setString(Tag.NumberOfAverages, VR.DS, "1");
        a.setString(Tag.ImagingFrequency, VR.DS, "63.87");
        a.setString(Tag.ImagedNucleus, VR.SH, "1H");
        a.setString(Tag.MagneticFieldStrength, VR.DS, "1.5");
        a.setString(Tag.SpacingBetweenSlices, VR.DS, ds(f.spacingMm()));
        a.setString(Tag.EchoTrainLength, VR.IS, "1");
        a.setString(Tag.SoftwareVersions, VR.LO, "phantoms-0.1");
        a.setString(Tag.FlipAngle, VR.DS, "25");
        a.setString(Tag.PatientPosition, VR.CS, "HFS");
        a.setString(Tag.StudyInstanceUID, VR.UI, f.studyUid());
        a.setString(Tag.SeriesInstanceUID, VR.UI, f.seriesUid());
        a.setString(Tag.StudyID, VR.SH, "1");
        a.setString(Tag.SeriesNumber, VR.IS, Integer.toString(f.seriesNumber()));
        a.setString(Tag.InstanceNumber, VR.IS, Integer.toString(f.instance()));
        double x0 = -f.columns() * f.pixelMm() / 2 + f.pixelMm() / 2;
        double y0 = -f.rows() * f.pixelMm() / 2 + f.pixelMm() / 2;
        a.setString(Tag.ImagePositionPatient, VR.DS, ds(x0), ds(y0), ds(f.zMm()));
        a.setString(Tag.ImageOrientationPatient, VR.DS, "1", "0", "0", "0", "1", "0");
        a.setString(Tag.FrameOfReferenceUID, VR.UI, f.frameOfRefUid());
        a.setString(Tag.PositionReferenceIndicator, VR.LO, "");
        a.setString(Tag.SliceLocation, VR.DS, ds(f.zMm()));
        if (f.triggerMs() >= 0) {
            // TriggerTime would need ScanOptions CG/PPG (PS3.3 C.8.3.1); the offset is told here
            a.setString(Tag.ImageComments, VR.LT, String.format(Locale.ROOT, "MRE phase offset at %.3f ms", f.triggerMs()));
        }
        a.setString(Tag.BodyPartExamined, VR.CS, "ABDOMEN");
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setInt(Tag.Rows, VR.US, f.rows());
        a.setInt(Tag.Columns, VR.US, f.columns());
        a.setString(Tag.PixelSpacing, VR.DS, ds(f.pixelMm()), ds(f.pixelMm()));
        a.setInt(Tag.BitsAllocated, VR.US, 16);
        return a;
    }

    /** Pixel module tail, windowing, rescale, and the pixels themselves (16-bit). */
    static void pixels(Attributes a, short[] values, boolean signed, int bitsStored, double slope, double intercept,
                       String rescaleType, double center, double width) {
        a.setInt(Tag.BitsStored, VR.US, bitsStored);
        a.setInt(Tag.HighBit, VR.US, bitsStored - 1);
        a.setInt(Tag.PixelRepresentation, VR.US, signed ? 1 : 0);
        a.setString(Tag.WindowCenter, VR.DS, ds(center));
        a.setString(Tag.WindowWidth, VR.DS, ds(width));
        a.setString(Tag.RescaleIntercept, VR.DS, ds(intercept));
        a.setString(Tag.RescaleSlope, VR.DS, ds(slope));
        a.setString(Tag.RescaleType, VR.LO, rescaleType);
        byte[] b = new byte[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            b[2 * i] = (byte) values[i];
            b[2 * i + 1] = (byte) (values[i] >> 8);
        }
        a.setBytes(0x7FE00010, VR.OW, b);                                     // PixelData
    }

    /** A DS value of at most 16 characters. */
    static String ds(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return String.format(Locale.ROOT, "%.4E", v);
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s.equals("-0") ? "0" : s;
    }
}
