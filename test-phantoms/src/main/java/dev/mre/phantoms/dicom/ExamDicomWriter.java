// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.dicom;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.io.Part10;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSlice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an exam as the scanner would deliver it: MR Image Storage files (explicit VR little
 * endian) under {@code DIR/dicom/<series>/}, in the GE-like or Siemens-like flavour of
 * {@link Vendor}: raw magnitude and phase per slice per phase offset, a grayscale elastogram
 * series and its confidence-masked copy. Returns the files written, in order.
 */
public final class ExamDicomWriter {
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    private ExamDicomWriter() {
    }

    public static List<Path> write(Exam exam, Vendor vendor, Path dir) throws IOException {
        long seed = exam.spec().seed();
        String kind = exam.spec().kind().id();
        String role = kind + ":" + vendor + ":" + exam.spec().stage();
        String study = Uids.of(seed, role + ":study");
        String frame = Uids.of(seed, role + ":frame");
        int no = exam.spec().acquisition().phaseOffsets();
        double periodMs = 1000.0 / exam.spec().solver().frequencyHz();
        List<Path> files = new ArrayList<>();
        for (ExamSlice s : exam.slices()) {
            for (int o = 0; o < no; o++) {
                short[] mag = new short[s.images().magnitude()[o].length];
                for (int k = 0; k < mag.length; k++) {
                    mag[k] = (short) Math.min(4095, Math.round(s.images().magnitude()[o][k] * 1000));
                }
                short[] ph = new short[mag.length];
                for (int k = 0; k < ph.length; k++) {
                    double p = s.images().phaseRad()[o][k];
                    ph[k] = vendor == Vendor.GE ? (short) Math.round(p * 1000)
                            : (short) Math.min(4095, Math.max(0, Math.round(p / Math.PI * 2048 + 2048)));
                }
                double trigger = o * periodMs / no;
                if (vendor == Vendor.GE) {
                    int inst = s.index() * 2 * no + o + 1;
                    files.add(image(exam, vendor, dir, "raw", 1, "MRE 60Hz RAW", new String[] {"ORIGINAL", "PRIMARY", "OTHER"},
                            inst, s, trigger, study, frame, mag, false, 12, 1, 0, "US", 500, 1000, 0));
                    files.add(image(exam, vendor, dir, "raw", 1, "MRE 60Hz RAW", new String[] {"ORIGINAL", "PRIMARY", "OTHER"},
                            inst + no, s, trigger, study, frame, ph, true, 16, 0.001, 0, "RAD", 0, 6284, 1));
                } else {
                    int inst = s.index() * no + o + 1;
                    files.add(image(exam, vendor, dir, "magnitude", 1, "MRE_60Hz_magnitude",
                            new String[] {"ORIGINAL", "PRIMARY", "M", "ND"}, inst, s, trigger, study, frame, mag,
                            false, 12, 1, 0, "US", 500, 1000, -1));
                    files.add(image(exam, vendor, dir, "phase", 2, "MRE_60Hz_phase",
                            new String[] {"ORIGINAL", "PRIMARY", "P", "ND"}, inst, s, trigger, study, frame, ph,
                            false, 12, 2, -4096, "US", 0, 8192, -1));
                }
            }
        }
        for (ExamSlice s : exam.slices()) {
            double[] pa = Elastograms.elastogramPa(s);
            boolean[] conf = Elastograms.confident(s, exam.spec().acquisition().encodingUmPerRad());
            short[] e = new short[pa.length];
            short[] m = new short[pa.length];
            double unit = vendor == Vendor.GE ? 1 : 10;
            for (int k = 0; k < pa.length; k++) {
                e[k] = (short) Math.min(65535, Math.round(pa[k] / unit));
                m[k] = conf[k] ? e[k] : 0;
            }
            boolean ge = vendor == Vendor.GE;
            String[] type = {"DERIVED", "SECONDARY", "OTHER"};
            files.add(image(exam, vendor, dir, "elastogram", ge ? 4 : 5, ge ? "STGRY elastogram" : "MRE_Elastogram",
                    type, s.index() + 1, s, -1, study, frame, e, false, 16, unit, 0, "PA", 4000 / unit, 8000 / unit, -1));
            files.add(image(exam, vendor, dir, "elastogram_masked", ge ? 5 : 6,
                    ge ? "STGRYM elastogram mask" : "MRE_Elastogram_95%_confidence", type, s.index() + 1, s, -1,
                    study, frame, m, false, 16, unit, 0, "PA", 4000 / unit, 8000 / unit, -1));
        }
        return files;
    }

    private static Path image(Exam exam, Vendor v, Path dir, String series, int seriesNumber, String description,
                              String[] imageType, int instance, ExamSlice s, double triggerMs, String study,
                              String frame, short[] pixels, boolean signed, int bits, double slope, double intercept,
                              String rescaleType, double center, double width, int geImageKind) throws IOException {
        long seed = exam.spec().seed();
        String role = exam.spec().kind().id() + ":" + v + ":" + exam.spec().stage() + ":" + series;
        String seriesUid = Uids.of(seed, role);
        String sop = Uids.of(seed, role + ":" + instance);
        double spacing = exam.spec().sliceThicknessMm() + exam.spec().sliceGapMm();
        MrImage.Frame f = new MrImage.Frame(seed, study, seriesUid, frame, sop, seriesNumber, description, imageType,
                instance, s.zMm(), triggerMs, s.truth().ny(), s.truth().nx(), s.truth().pixelMm(),
                exam.spec().sliceThicknessMm(), spacing);
        Attributes a = MrImage.build(f, v, exam.spec().kind().id());
        // Images in the series (General Image module, type 3): lets a receiver know a series is
        // complete without waiting for a quiet time. GE raw: magnitude + phase of every offset.
        int slices = exam.slices().size();
        int offsets = exam.spec().acquisition().phaseOffsets();
        a.setInt(Tag.ImagesInAcquisition, VR.IS, switch (series) {
            case "raw" -> slices * 2 * offsets;
            case "magnitude", "phase" -> slices * offsets;
            default -> slices;
        });
        if (v == Vendor.GE) {
            a.setString(0x00270010, VR.LO, "GEMS_IMAG_01");                    // private creator
            a.setInt(0x00271041, VR.SS, s.index() + 1);                        // slice group
            a.setString(0x00430010, VR.LO, "GEMS_PARM_01");                    // private creator
            if (geImageKind >= 0) {
                a.setInt(0x0043102F, VR.SS, geImageKind);                      // 0 magnitude, 1 phase
            }
        } else {
            a.setString(0x00290010, VR.LO, "SIEMENS CSA HEADER");
            a.setString(0x00291008, VR.CS, "IMAGE NUM 4");                     // CSA image header type
        }
        MrImage.pixels(a, pixels, signed, bits, slope, intercept, rescaleType, center, width);
        Attributes meta = Part10.createFileMeta(MrImage.MR_IMAGE_STORAGE, sop, EXPLICIT_LE);
        byte[] bytes = DicomWriter.writeFile(meta, a);
        Path out = dir.resolve(String.format(java.util.Locale.ROOT, "%02d_%s", seriesNumber, series))
                .resolve(String.format(java.util.Locale.ROOT, "IM%04d.dcm", instance));
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
        return out;
    }
}
