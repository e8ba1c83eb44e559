// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import dev.mre.dicom.io.DicomReader;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.io.Part10;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small synthetic MR images written with the data layer, and helpers to compare stored objects. */
final class TestImages {

  private TestImages() {}

  static final String STUDY = "2.25.1234567890123456789";

  static Attributes mr(int n, int rows, int cols) {
    Attributes ds = new Attributes();
    ds.setString(Tag.SOPClassUID, VR.UI, UID.MRImageStorage);
    ds.setString(Tag.SOPInstanceUID, VR.UI, STUDY + ".2." + n);
    ds.setString(Tag.Modality, VR.CS, "MR");
    ds.setString(Tag.PatientName, VR.PN, "Phantom^Liver");
    ds.setString(Tag.PatientID, VR.LO, "PHANTOM01");
    ds.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
    ds.setString(Tag.SeriesInstanceUID, VR.UI, STUDY + ".1");
    ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
    ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
    ds.setInt(Tag.Rows, VR.US, rows);
    ds.setInt(Tag.Columns, VR.US, cols);
    ds.setInt(Tag.BitsAllocated, VR.US, 16);
    ds.setInt(Tag.BitsStored, VR.US, 12);
    ds.setInt(Tag.HighBit, VR.US, 11);
    ds.setInt(Tag.PixelRepresentation, VR.US, 0);
    byte[] pixels = new byte[rows * cols * 2];
    for (int i = 0; i < pixels.length; i += 2) {
      int v = (i / 2 * 7 + n) & 0x0FFF;
      pixels[i] = (byte) v;
      pixels[i + 1] = (byte) (v >>> 8);
    }
    ds.setBytes(Tag.PixelData, VR.OW, pixels);
    return ds;
  }

  /** Writes {@code count} MR images (64x64 unless larger asked) as Explicit VR Little Endian files. */
  static List<Path> writeMr(Path dir, int count, int rows, int cols) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Attributes ds = mr(i, rows, cols);
      Path f = dir.resolve("mr" + i + ".dcm");
      Files.write(f, DicomWriter.writeFile(Part10.createFileMeta(UID.MRImageStorage,
          ds.getString(Tag.SOPInstanceUID), UID.ExplicitVRLittleEndian), ds));
      files.add(f);
    }
    return files;
  }

  static String sopInstanceUid(Path file) throws IOException {
    return DicomReader.readFile(file).dataset().getString(Tag.SOPInstanceUID);
  }

  static byte[] datasetBytes(Path file) throws IOException {
    Part10.Header h = Part10.readHeader(file);
    byte[] all = Files.readAllBytes(file);
    return Arrays.copyOfRange(all, (int) h.datasetOffset(), all.length);
  }

  static String transferSyntax(Path file) throws IOException {
    return Part10.readHeader(file).tsuid();
  }

  /** The data set part of a dcmdump, without the meta header and the "Used TransferSyntax" line. */
  static String datasetDump(Path file) throws Exception {
    String dump = Dcmtk.dump(file);
    int at = dump.indexOf("# Dicom-Data-Set");
    String ds = dump.substring(at);
    ds = ds.substring(ds.indexOf('\n', ds.indexOf("# Used TransferSyntax")) + 1);
    // group lengths and trailing padding are encoding details DCMTK drops or adds when sending
    return ds.lines().filter(l -> !l.matches("^\\([0-9a-f]{4},0000\\).*") && !l.startsWith("(fffc,fffc)"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }
}
