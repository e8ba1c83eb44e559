// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.dicom;

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
        a.setString(0x00080005, VR.CS, "ISO_IR 100");                       // SpecificCharacterSet
        a.setString(0x00080008, VR.CS, f.imageType());                       // ImageType
        a.setString(0x00080016, VR.UI, MR_IMAGE_STORAGE);                     // SOPClassUID
        a.setString(0x00080018, VR.UI, f.sopUid());                           // SOPInstanceUID
        String date = "2025" + String.format(Locale.ROOT, "%02d%02d", 1 + Math.floorMod(f.seed(), 12),
                1 + Math.floorMod(f.seed() / 12, 28));
        a.setString(0x00080020, VR.DA, date);                                 // StudyDate
        a.setString(0x00080021, VR.DA, date);                                 // SeriesDate
        a.setString(0x00080023, VR.DA, date);                                 // ContentDate
        a.setString(0x00080030, VR.TM, "100000");                             // StudyTime
        a.setString(0x00080031, VR.TM, String.format(Locale.ROOT, "10%02d00", f.seriesNumber() % 60));
        a.setString(0x00080033, VR.TM, String.format(Locale.ROOT, "10%02d%02d", f.seriesNumber() % 60,
                f.instance() % 60));                                          // ContentTime
        a.setString(0x00080050, VR.SH, "PH" + Math.floorMod(f.seed(), 100000000L)); // AccessionNumber
        a.setString(0x00080060, VR.CS, "MR");                                 // Modality
        a.setString(0x00080070, VR.LO, v.manufacturer());                     // Manufacturer
        a.setString(0x00080080, VR.LO, "MRE DIGITAL PHANTOM");                // InstitutionName
        a.setString(0x00080090, VR.PN, "");                                   // ReferringPhysicianName
        a.setString(0x0008103E, VR.LO, f.seriesDescription());               // SeriesDescription
        a.setString(0x00081090, VR.LO, v.model());                            // ManufacturerModelName
        a.setString(0x00100010, VR.PN, "PHANTOM^" + kind.toUpperCase(Locale.ROOT)); // PatientName
        a.setString(0x00100020, VR.LO, "PHANTOM-" + f.seed());                // PatientID
        a.setString(0x00100030, VR.DA, "");                                   // PatientBirthDate
        a.setString(0x00100040, VR.CS, "O");                                  // PatientSex
        a.setString(0x00180020, VR.CS, "GR");                                 // ScanningSequence
        a.setString(0x00180021, VR.CS, "SP");                                 // SequenceVariant
        a.setString(0x00180022, VR.CS, "");                                   // ScanOptions
        a.setString(0x00180023, VR.CS, "2D");                                 // MRAcquisitionType
        a.setString(0x00180050, VR.DS, ds(f.thicknessMm()));                  // SliceThickness
        a.setString(0x00180080, VR.DS, "50");                                 // RepetitionTime
        a.setString(0x00180081, VR.DS, "20");                                 // EchoTime
        a.setString(0x00180083, VR.DS, "1");                                  // NumberOfAverages
        a.setString(0x00180084, VR.DS, "63.87");                              // ImagingFrequency
        a.setString(0x00180085, VR.SH, "1H");                                 // ImagedNucleus
        a.setString(0x00180087, VR.DS, "1.5");                                // MagneticFieldStrength
        a.setString(0x00180088, VR.DS, ds(f.spacingMm()));                    // SpacingBetweenSlices
        a.setString(0x00180091, VR.IS, "1");                                  // EchoTrainLength
        a.setString(0x00181020, VR.LO, "phantoms-0.1");                       // SoftwareVersions
        a.setString(0x00181314, VR.DS, "25");                                 // FlipAngle
        a.setString(0x00185100, VR.CS, "HFS");                                // PatientPosition
        a.setString(0x0020000D, VR.UI, f.studyUid());                         // StudyInstanceUID
        a.setString(0x0020000E, VR.UI, f.seriesUid());                        // SeriesInstanceUID
        a.setString(0x00200010, VR.SH, "1");                                  // StudyID
        a.setString(0x00200011, VR.IS, Integer.toString(f.seriesNumber()));   // SeriesNumber
        a.setString(0x00200013, VR.IS, Integer.toString(f.instance()));       // InstanceNumber
        double x0 = -f.columns() * f.pixelMm() / 2 + f.pixelMm() / 2;
        double y0 = -f.rows() * f.pixelMm() / 2 + f.pixelMm() / 2;
        a.setString(0x00200032, VR.DS, ds(x0), ds(y0), ds(f.zMm()));          // ImagePositionPatient
        a.setString(0x00200037, VR.DS, "1", "0", "0", "0", "1", "0");         // ImageOrientationPatient
        a.setString(0x00200052, VR.UI, f.frameOfRefUid());                    // FrameOfReferenceUID
        a.setString(0x00201040, VR.LO, "");                                   // PositionReferenceIndicator
        a.setString(0x00201041, VR.DS, ds(f.zMm()));                          // SliceLocation
        if (f.triggerMs() >= 0) {
            // TriggerTime would need ScanOptions CG/PPG (PS3.3 C.8.3.1); the offset is told here
            a.setString(0x00204000, VR.LT, String.format(Locale.ROOT, "MRE phase offset at %.3f ms", f.triggerMs()));
        }
        a.setString(0x00180015, VR.CS, "ABDOMEN");                            // BodyPartExamined
        a.setInt(0x00280002, VR.US, 1);                                       // SamplesPerPixel
        a.setString(0x00280004, VR.CS, "MONOCHROME2");                        // PhotometricInterpretation
        a.setInt(0x00280010, VR.US, f.rows());                                // Rows
        a.setInt(0x00280011, VR.US, f.columns());                             // Columns
        a.setString(0x00280030, VR.DS, ds(f.pixelMm()), ds(f.pixelMm()));     // PixelSpacing
        a.setInt(0x00280100, VR.US, 16);                                      // BitsAllocated
        return a;
    }

    /** Pixel module tail, windowing, rescale, and the pixels themselves (16-bit). */
    static void pixels(Attributes a, short[] values, boolean signed, int bitsStored, double slope, double intercept,
                       String rescaleType, double center, double width) {
        a.setInt(0x00280101, VR.US, bitsStored);                              // BitsStored
        a.setInt(0x00280102, VR.US, bitsStored - 1);                          // HighBit
        a.setInt(0x00280103, VR.US, signed ? 1 : 0);                          // PixelRepresentation
        a.setString(0x00281050, VR.DS, ds(center));                           // WindowCenter
        a.setString(0x00281051, VR.DS, ds(width));                            // WindowWidth
        a.setString(0x00281052, VR.DS, ds(intercept));                        // RescaleIntercept
        a.setString(0x00281053, VR.DS, ds(slope));                            // RescaleSlope
        a.setString(0x00281054, VR.LO, rescaleType);                          // RescaleType
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
