// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.testing;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.io.Part10;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small, valid MR Image Storage objects for tests: 16x16 16-bit pixels, Explicit VR Little Endian. */
public final class MrObjects {
    public static final String STUDY = "1.2.826.0.1.3680043.10.1137.1";
    public static final String SERIES = "1.2.826.0.1.3680043.10.1137.1.2";

    private MrObjects() {
    }

    public static Attributes dataset(String sopInstanceUid, String patientName, String patientId) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.MRImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        ds.setString(Tag.Modality, VR.CS, "MR");
        ds.setString(Tag.SeriesDescription, VR.LO, "MRE 60Hz");
        ds.setString(Tag.PatientName, VR.PN, patientName);
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, SERIES);
        ds.setString(Tag.SeriesNumber, VR.IS, "7");
        ds.setString(Tag.InstanceNumber, VR.IS, "1");
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 16);
        ds.setInt(Tag.Columns, VR.US, 16);
        ds.setInt(Tag.BitsAllocated, VR.US, 16);
        ds.setInt(Tag.BitsStored, VR.US, 12);
        ds.setInt(Tag.HighBit, VR.US, 11);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        byte[] pixels = new byte[16 * 16 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 + sopInstanceUid.hashCode());
        }
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        return ds;
    }

    public static Attributes dataset(String sopInstanceUid) {
        return dataset(sopInstanceUid, "Test^Phantom", "PHANTOM-1");
    }

    /** Writes a Part 10 file (Explicit VR Little Endian) and returns it. */
    public static Path write(Path file, Attributes ds) throws IOException {
        Attributes meta = Part10.createFileMeta(ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID),
                UID.ExplicitVRLittleEndian);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, DicomWriter.writeFile(meta, ds));
    }

    public static byte[] datasetBytes(Attributes ds) {
        return DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian);
    }
}
