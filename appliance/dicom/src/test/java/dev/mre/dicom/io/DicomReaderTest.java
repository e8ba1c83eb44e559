// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Fragments;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class DicomReaderTest {
    private static final int PRIVATE_CREATOR = 0x00290010;
    private static final int PRIVATE_SEQ = 0x00291010;
    private static final int PRIVATE_DATA = 0x00291020;

    /** Parses the fixture from the byte[] and from each stream feed; all must agree. */
    private static Attributes read(byte[] b, String tsuid) throws Exception {
        Attributes fromArray = DicomReader.readDataset(b, 0, b.length, tsuid);
        for (InputStream in : Fixture.feeds(b)) assertEquals(fromArray, DicomReader.readDataset(in, tsuid));
        return fromArray;
    }

    @Test
    void readsImplicitVrLittleEndianUsingTheDictionaryForVRs() throws Exception {
        byte[] b = new Fixture()
                .implicitString(Tag.PatientName, "Doe^John")
                .implicit(Tag.Rows, new byte[] {0, 1})
                .implicitString(Tag.SOPInstanceUID, "1.2.3\0")
                .bytes();
        Attributes ds = read(b, UID.ImplicitVRLittleEndian);
        assertEquals(VR.PN, ds.getVR(Tag.PatientName));
        assertEquals("Doe^John", ds.getString(Tag.PatientName));
        assertEquals(VR.US, ds.getVR(Tag.Rows));
        assertEquals(256, ds.getInt(Tag.Rows, -1));
        assertEquals("1.2.3", ds.getString(Tag.SOPInstanceUID));
    }

    @Test
    void readsExplicitVrLittleEndianShortAndLongHeaders() throws Exception {
        byte[] b = new Fixture()
                .explicitString(Tag.Modality, "CS", "MR")
                .longHeader(Tag.PixelData, "OW", 4).raw(new byte[] {1, 2, 3, 4})
                .bytes();
        Attributes ds = read(b, UID.ExplicitVRLittleEndian);
        assertEquals("MR", ds.getString(Tag.Modality));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, ds.getBytes(Tag.PixelData));
    }

    @Test
    void readsUndefinedLengthSequenceWithItemDelimiters() throws Exception {
        byte[] b = new Fixture()
                .longHeader(0x00081140, "SQ", -1)
                .item(-1).explicitString(Tag.ReferencedSOPInstanceUID, "UI", "1.2").itemEnd()
                .item(-1).itemEnd()
                .sequenceEnd()
                .explicitString(Tag.PatientID, "LO", "ID")
                .bytes();
        Attributes ds = read(b, UID.ExplicitVRLittleEndian);
        List<Attributes> items = ds.getSequence(0x00081140);
        assertEquals(2, items.size());
        assertEquals("1.2", items.get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertEquals(0, items.get(1).size());
        assertEquals("ID", ds.getString(Tag.PatientID));
    }

    @Test
    void readsDefinedLengthSequenceAndItems() throws Exception {
        byte[] b = new Fixture()
                .tag(0x00081140).u32(8 + 12)
                .item(12).implicitString(Tag.ReferencedSOPInstanceUID, "1.2.")
                .implicitString(Tag.PatientID, "ID")
                .bytes();
        Attributes ds = read(b, UID.ImplicitVRLittleEndian);
        assertEquals("1.2.", ds.getSequence(0x00081140).get(0).getString(Tag.ReferencedSOPInstanceUID));
        assertEquals("ID", ds.getString(Tag.PatientID));
    }

    @Test
    void keepsEncapsulatedPixelDataAsFragments() throws Exception {
        byte[] b = new Fixture()
                .longHeader(Tag.PixelData, "OB", -1)
                .item(0)
                .item(4).raw(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9})
                .item(2).raw(new byte[] {(byte) 0xFE, (byte) 0xFF})  // looks like a delimiter start
                .sequenceEnd()
                .bytes();
        Attributes ds = read(b, UID.JPEGBaseline8Bit);
        Fragments f = ds.getFragments(Tag.PixelData);
        assertEquals(3, f.size());
        assertEquals(0, f.get(0).length);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, f.get(1));
        assertNull(ds.getBytes(Tag.PixelData));
        assertEquals(VR.OB, ds.getVR(Tag.PixelData));
    }

    @Test
    void readsUndefinedLengthUnAsImplicitLittleEndianSequence() throws Exception {
        byte[] b = new Fixture()
                .explicitString(PRIVATE_CREATOR, "LO", "ACME 1.0")
                .longHeader(PRIVATE_SEQ, "UN", -1)
                .item(-1).implicitString(Tag.PatientID, "XY").itemEnd()
                .sequenceEnd()
                .bytes();
        Attributes ds = read(b, UID.ExplicitVRLittleEndian);
        assertEquals(VR.SQ, ds.getVR(PRIVATE_SEQ));
        Attributes item = ds.getSequence(PRIVATE_SEQ).get(0);
        assertEquals(VR.LO, item.getVR(Tag.PatientID));
        assertEquals("XY", item.getString(Tag.PatientID));
    }

    @Test
    void preservesPrivateTagsAndPrivateSequencesInImplicitVr() throws Exception {
        byte[] b = new Fixture()
                .implicitString(PRIVATE_CREATOR, "ACME 1.0")
                .tag(PRIVATE_SEQ).u32(-1)
                .item(-1).implicit(PRIVATE_DATA, new byte[] {9, 8, 7, 6}).itemEnd()
                .sequenceEnd()
                .implicit(0x00291030, new byte[] {1, 2})
                .bytes();
        Attributes ds = read(b, UID.ImplicitVRLittleEndian);
        assertEquals(VR.LO, ds.getVR(PRIVATE_CREATOR));
        assertEquals("ACME 1.0", ds.getString(PRIVATE_CREATOR));
        assertArrayEquals(new byte[] {9, 8, 7, 6}, ds.getSequence(PRIVATE_SEQ).get(0).getBytes(PRIVATE_DATA));
        assertEquals(VR.UN, ds.getVR(0x00291030));
        byte[] again = DicomWriter.writeDataset(ds, UID.ImplicitVRLittleEndian);
        assertEquals(ds, DicomReader.readDataset(again, 0, again.length, UID.ImplicitVRLittleEndian));
    }

    @Test
    void convertsExplicitVrBigEndianNumbersToLittleEndian() throws Exception {
        byte[] b = new Fixture(true)
                .shortHeader(Tag.Rows, "US", 4).u16(0x0102).u16(0x0304)
                .shortHeader(0x00280106, "SS", 2).u16(0xFFFE)
                .shortHeader(0x00209165, "AT", 4).u16(0x0010).u16(0x0020)
                .shortHeader(Tag.PatientName, "PN", 4).ascii("A^B ")
                .longHeader(Tag.PixelData, "OW", 4).u16(0x1122).u16(0x3344)
                .bytes();
        Attributes ds = read(b, UID.ExplicitVRBigEndian);
        assertArrayEquals(new byte[] {2, 1, 4, 3}, ds.getBytes(Tag.Rows));
        assertEquals(0x0102, ds.getInt(Tag.Rows, 0));
        assertEquals(-2, ds.getInt(0x00280106, 0));
        assertEquals("00100020", ds.getString(0x00209165));
        assertEquals("A^B", ds.getString(Tag.PatientName));
        assertArrayEquals(new byte[] {0x22, 0x11, 0x44, 0x33}, ds.getBytes(Tag.PixelData));
    }

    @Test
    void readsUsOrSsAsSignedWhenPixelRepresentationIsOne() throws Exception {
        for (int representation : new int[] {0, 1}) {
            byte[] b = new Fixture()
                    .implicit(0x00280103, new byte[] {(byte) representation, 0})
                    .implicit(0x00280106, new byte[] {(byte) 0xFE, (byte) 0xFF})
                    .bytes();
            Attributes ds = read(b, UID.ImplicitVRLittleEndian);
            assertEquals(representation == 1 ? VR.SS : VR.US, ds.getVR(0x00280106));
            assertEquals(representation == 1 ? -2 : 65534, ds.getInt(0x00280106, 0));
        }
    }

    @Test
    void readsAnImplicitDataSetThatClaimsExplicitVr() throws Exception {
        byte[] b = new Fixture().implicitString(Tag.PatientID, "ID").bytes();
        assertEquals("ID", read(b, UID.ExplicitVRLittleEndian).getString(Tag.PatientID));
    }

    @Test
    void keepsElementsSortedByTagWhateverTheEncodedOrder() throws Exception {
        byte[] b = new Fixture()
                .implicitString(Tag.PatientID, "ID")
                .implicit(0xFFFCFFFC, new byte[2])
                .implicitString(Tag.PatientName, "N^")
                .bytes();
        Attributes ds = read(b, UID.ImplicitVRLittleEndian);
        assertEquals(Tag.PatientName, ds.tagAt(0));
        assertEquals(Tag.PatientID, ds.tagAt(1));
        assertEquals(0xFFFCFFFC, ds.tagAt(2));
    }

    @Test
    void readsDeflatedExplicitVrLittleEndian() throws Exception {
        Attributes ds = new Attributes().setString(Tag.PatientName, VR.PN, "Deflated^Data");
        byte[] deflated = DicomWriter.writeDataset(ds, UID.DeflatedExplicitVRLittleEndian);
        byte[] plain = DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian);
        assertNotNull(deflated);
        assertEquals(ds, read(deflated, UID.DeflatedExplicitVRLittleEndian));
        assertEquals(ds, read(plain, UID.ExplicitVRLittleEndian));
    }
}
