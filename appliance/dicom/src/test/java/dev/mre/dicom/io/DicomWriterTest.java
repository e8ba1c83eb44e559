// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Fragments;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DicomWriterTest {
    /** A data set with one element of every VR (tags chosen with that VR in the dictionary). */
    static Attributes everyVr() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(0x00080054, VR.AE, "STORESCP");
        ds.setString(Tag.PatientAge, VR.AS, "042Y");
        ds.setInt(0x00209165, VR.AT, Tag.PatientName, Tag.PixelData);
        ds.setString(Tag.Modality, VR.CS, "MR");
        ds.setString(Tag.StudyDate, VR.DA, "20261122");
        ds.setString(Tag.PixelSpacing, VR.DS, "0.5", "-1.25e3");
        ds.setString(0x0008002A, VR.DT, "20261122010203.123456");
        ds.setDouble(0x00189087, VR.FD, 1.5, Double.NaN, -0.0);
        ds.setDouble(0x00189089, VR.FL, 0.25f, 3.0f);
        ds.setInt(Tag.InstanceNumber, VR.IS, -7);
        ds.setString(Tag.PatientID, VR.LO, "Ünïcödé-ID");
        ds.setString(0x00204000, VR.LT, "line 1\r\nline 2 \\ not a separator");
        ds.setBytes(0x00420011, VR.OB, new byte[] {1, 2, 3});  // odd: padded on write
        ds.setBytes(0x7FE00009, VR.OD, bytes(16));
        ds.setBytes(Tag.FloatPixelData, VR.OF, bytes(8));
        ds.setBytes(0x00660040, VR.OL, bytes(8));
        ds.setBytes(0x00660043, VR.OV, bytes(16));
        ds.setBytes(0x00283006, VR.OW, bytes(6));
        ds.setString(Tag.PatientName, VR.PN, "Müller^Jürgen=ミュラー^ユルゲン");
        ds.setString(Tag.StationName, VR.SH, "ST1");
        ds.setInt(0x00186020, VR.SL, -100000, 7);
        List<Attributes> items = ds.newSequence(0x00081140);
        items.add(new Attributes().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3"));
        items.add(new Attributes());
        ds.setInt(0x00280106, VR.SS, -2, 32767);
        ds.setString(0x00081030, VR.LO, "Leber MRE");
        ds.setString(0x00321060, VR.LO, "x");
        ds.setString(0x00400254, VR.LO, "y");
        ds.setString(0x00080081, VR.ST, "Straße 1");
        ds.setLong(0x00720082, VR.SV, Long.MIN_VALUE, 5);
        ds.setString(Tag.StudyTime, VR.TM, "010203.5");
        ds.setString(0x0040A160, VR.UC, "unlimited characters ".repeat(5));
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.840.99.1");
        ds.setInt(0x00081160, VR.UL, 0xFFFFFFFF, 1);
        ds.setBytes(0x00291010, VR.UN, new byte[] {5, 6});
        ds.setString(0x00080120, VR.UR, "https://example.org/a b");
        ds.setInt(Tag.Rows, VR.US, 65535, 0);
        ds.setString(0x00189094, VR.UT, "ünlimited text");
        ds.setLong(0x00720083, VR.UV, -1L, 2);
        return ds;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 37 + 1);
        return b;
    }

    @Test
    void everyVrIsCovered() {
        Attributes ds = everyVr();
        java.util.Set<VR> seen = java.util.EnumSet.noneOf(VR.class);
        for (int i = 0; i < ds.size(); i++) seen.add(ds.vrAt(i));
        assertEquals(java.util.EnumSet.allOf(VR.class), seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.DeflatedExplicitVRLittleEndian, UID.ExplicitVRBigEndian})
    void roundTripsEveryVrInEveryWritableTransferSyntax(String tsuid) throws Exception {
        Attributes ds = everyVr();
        byte[] b = DicomWriter.writeDataset(ds, tsuid);
        Attributes back = DicomReader.readDataset(b, 0, b.length, tsuid);
        // Implicit VR loses the VR of elements whose dictionary VR differs; compare values there.
        if (tsuid.equals(UID.ImplicitVRLittleEndian)) {
            assertEquals(ds.size(), back.size());
            for (int i = 0; i < ds.size(); i++) assertEquals(ds.tagAt(i), back.tagAt(i));
            assertEquals(ds.getString(Tag.PatientName), back.getString(Tag.PatientName));
            assertEquals(ds.getString(Tag.PatientID), back.getString(Tag.PatientID));
            assertArrayEquals(ds.getInts(0x00280106), new int[] {-2, 32767});
            assertEquals("1.2.3", back.getSequence(0x00081140).get(0).getString(Tag.ReferencedSOPInstanceUID));
            byte[] again = DicomWriter.writeDataset(back, tsuid);
            assertArrayEquals(b, again);
        } else {
            assertEquals(padded(ds), back);
            assertArrayEquals(b, DicomWriter.writeDataset(back, tsuid));
        }
        assertEquals("Müller^Jürgen=ミュラー^ユルゲン", back.getString(Tag.PatientName));
        assertEquals("1.2.840.99.1", back.getString(Tag.SOPInstanceUID));
        assertEquals(65535, back.getInt(Tag.Rows, 0));
    }

    /** What a reader sees of ds: odd values padded to even length with the VR's padding byte. */
    private static Attributes padded(Attributes ds) {
        Attributes p = new Attributes().addAll(ds);
        p.setBytes(0x00420011, VR.OB, new byte[] {1, 2, 3, 0});
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {UID.JPEGBaseline8Bit, UID.RLELossless, "1.2.3.4.5.6.unknown"})
    void roundTripsEncapsulatedPixelDataFragmentsUnchanged(String tsuid) throws Exception {
        Attributes ds = new Attributes().setString(Tag.SOPInstanceUID, VR.UI, "1.2");
        Fragments f = ds.newFragments(Tag.PixelData, VR.OB);
        f.add(new byte[0]);
        f.add(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9});
        f.add(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0});
        byte[] b = DicomWriter.writeDataset(ds, tsuid);
        assertEquals(ds, DicomReader.readDataset(b, 0, b.length, tsuid));
    }

    @Test
    void writesUndefinedLengthSequencesWithDelimiters() {
        Attributes ds = new Attributes();
        ds.newSequence(0x00081140).add(new Attributes());
        byte[] b = DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian);
        assertArrayEquals(new Fixture().longHeader(0x00081140, "SQ", -1).item(-1).itemEnd().sequenceEnd().bytes(), b);
    }

    @Test
    void writesCommandSetsWithComputedGroupLength() throws Exception {
        Attributes cmd = new Attributes()
                .setInt(Tag.CommandGroupLength, VR.UL, 12345)  // replaced
                .setString(Tag.AffectedSOPClassUID, VR.UI, UID.Verification)
                .setInt(Tag.CommandField, VR.US, 0x0030)
                .setInt(Tag.MessageID, VR.US, 1)
                .setInt(Tag.CommandDataSetType, VR.US, 0x0101);
        byte[] b = DicomWriter.writeCommand(cmd);
        Attributes back = DicomReader.readDataset(b, 0, b.length, UID.ImplicitVRLittleEndian);
        assertEquals(b.length - 12, back.getInt(Tag.CommandGroupLength, -1));
        assertEquals(UID.Verification, back.getString(Tag.AffectedSOPClassUID));
        assertEquals(0x0030, back.getInt(Tag.CommandField, -1));
        assertEquals(0x0101, back.getInt(Tag.CommandDataSetType, -1));
        assertEquals(5, back.size());
    }

    @Test
    void refusesValuesTooLongForA16BitExplicitLength() {
        Attributes ds = new Attributes().setBytes(Tag.PatientID, VR.LO, new byte[70000]);
        assertThrows(IllegalArgumentException.class, () -> DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian));
        byte[] implicit = DicomWriter.writeDataset(ds, UID.ImplicitVRLittleEndian);
        assertEquals(8 + 70000, implicit.length);
    }
}
