// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Fragments;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DicomDumpTest {
    @Test
    void listsOneLinePerElementWithLengthVmAndKeyword() throws Exception {
        Attributes ds = new Attributes()
                .setString(Tag.PatientName, VR.PN, "Doe^John")
                .setInt(Tag.Rows, VR.US, 256)
                .setString(Tag.PixelSpacing, VR.DS, "0.5", "0.5");
        ds.newSequence(0x00081140).add(new Attributes().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2"));
        Fragments f = ds.newFragments(Tag.PixelData, VR.OB);
        f.add(new byte[0]);
        f.add(new byte[] {(byte) 0xFF, (byte) 0xD8});
        StringBuilder sb = new StringBuilder();
        DicomDump.dump(ds, sb);
        String[] lines = sb.toString().split("\n");
        assertEquals(line("(0008,1140) SQ (Sequence with 1 item)", "u/l, 1 ReferencedImageSequence"), lines[0]);
        assertEquals("  (FFFE,E000) na (Item with 1 element)", lines[1]);
        assertEquals(line("    (0008,1155) UI [1.2]", "4, 1 ReferencedSOPInstanceUID"), lines[2]);
        assertEquals(line("(0010,0010) PN [Doe^John]", "8, 1 PatientName"), lines[3]);
        assertEquals(line("(0028,0010) US 256", "2, 1 Rows"), lines[4]);
        assertEquals(line("(0028,0030) DS [0.5\\0.5]", "8, 2 PixelSpacing"), lines[5]);
        assertEquals(line("(7FE0,0010) OB (PixelSequence with 2 items)", "u/l, 1 PixelData"), lines[6]);
        assertEquals(line("  (FFFE,E000) pi (no value)", "0, 1 Item"), lines[7]);
        assertEquals(line("  (FFFE,E000) pi FF\\D8", "2, 1 Item"), lines[8]);
        assertEquals(9, lines.length);
    }

    /** The expected line: text, padded to the comment column, then "# length, VM keyword". */
    private static String line(String text, String comment) {
        StringBuilder sb = new StringBuilder(text);
        while (sb.length() < 56) sb.append(' ');
        String[] parts = comment.split(",", 2);
        return sb.append(" # ").append(" ".repeat(4 - parts[0].length())).append(parts[0]).append(',')
                .append(parts[1]).toString();
    }

    @Test
    void dumpsARealFileWithMetaAndTransferSyntax() throws Exception {
        DicomFile file = DicomReader.readFile(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm"));
        String dump = DicomDump.toString(file);
        assertTrue(dump.startsWith("# File Meta Information\n(0002,0000) UL "), dump);
        assertTrue(dump.contains("# Data Set, transfer syntax 1.2.840.10008.1.2.1 (Explicit VR Little Endian)"), dump);
        assertTrue(dump.contains("(0028,0010) US 64 "), dump);
        assertTrue(dump.contains("(7FE0,0010) OW 89\\03\\FB\\03"), dump);
        assertTrue(dump.contains("... # 8192, 1 PixelData"), dump);
    }

    @Test
    void reportsAnUndecodableCharacterSet() throws Exception {
        Attributes ds = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "", "ISO 2022 IR 87");
        String dump = DicomDump.toString(new DicomFile(new Attributes(), ds, UID.ExplicitVRLittleEndian));
        assertTrue(dump.contains("not decodable"), dump);
    }
}
