// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesTest {
    @Test
    void keepsElementsSortedByUnsignedTagWhateverTheInsertionOrder() {
        Attributes a = new Attributes(2);
        int[] order = {0xFFFCFFFC, Tag.PatientID, Tag.PixelData, Tag.PatientName, 0x00080005, 0x7FE00008};
        for (int tag : order) a.setBytes(tag, VR.OB, new byte[0]);
        int[] sorted = {0x00080005, Tag.PatientName, Tag.PatientID, 0x7FE00008, Tag.PixelData, 0xFFFCFFFC};
        assertEquals(sorted.length, a.size());
        for (int i = 0; i < sorted.length; i++) assertEquals(sorted[i], a.tagAt(i));
        for (int tag : sorted) assertTrue(a.contains(tag));
        assertFalse(a.contains(0x00100030));
    }

    @Test
    void replacesAndRemovesElements() {
        Attributes a = new Attributes().setString(Tag.PatientID, VR.LO, "A").setString(Tag.PatientID, VR.LO, "B");
        assertEquals(1, a.size());
        assertEquals("B", a.getString(Tag.PatientID));
        assertTrue(a.remove(Tag.PatientID));
        assertFalse(a.remove(Tag.PatientID));
        assertNull(a.getString(Tag.PatientID));
        assertNull(a.getVR(Tag.PatientID));
        assertEquals(0, a.size());
    }

    @Test
    void getStringRemovesPaddingAndSplitsMultipleValues() {
        Attributes a = new Attributes()
                .setBytes(Tag.SOPInstanceUID, VR.UI, "1.2.3\0".getBytes())
                .setBytes(Tag.ImageType, VR.CS, "ORIGINAL\\PRIMARY ".getBytes())
                .setBytes(Tag.PixelSpacing, VR.DS, " 0.5\\0.25 ".getBytes())
                .setBytes(0x00204000, VR.LT, "a\\b  ".getBytes());
        assertEquals("1.2.3", a.getString(Tag.SOPInstanceUID));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY"}, a.getStrings(Tag.ImageType));
        assertArrayEquals(new String[] {"0.5", "0.25"}, a.getStrings(Tag.PixelSpacing));
        assertEquals("a\\b", a.getString(0x00204000));  // LT: backslash is text, not a separator
        assertEquals(0.5, a.getDouble(Tag.PixelSpacing, 0), 0);
    }

    @Test
    void padsStringsToEvenLengthWithTheVrsPaddingByte() {
        Attributes a = new Attributes().setString(Tag.SOPInstanceUID, VR.UI, "1.2.3").setString(Tag.PatientID, VR.LO, "ABC");
        assertArrayEquals("1.2.3\0".getBytes(), a.getBytes(Tag.SOPInstanceUID));
        assertArrayEquals("ABC ".getBytes(), a.getBytes(Tag.PatientID));
    }

    @Test
    void readsAndWritesNumbersOfEveryNumericVr() {
        Attributes a = new Attributes()
                .setInt(Tag.Rows, VR.US, 65535)
                .setInt(0x00280106, VR.SS, -2)
                .setInt(0x00081160, VR.UL, -1)
                .setInt(0x00186020, VR.SL, -5)
                .setLong(0x00720082, VR.SV, -7L)
                .setLong(0x00720083, VR.UV, -1L)
                .setDouble(0x00189089, VR.FL, 0.5)
                .setDouble(0x00189087, VR.FD, 2.25)
                .setInt(Tag.InstanceNumber, VR.IS, 12)
                .setInt(0x00209165, VR.AT, Tag.PixelData);
        assertEquals(65535, a.getInt(Tag.Rows, 0));
        assertEquals(-2, a.getInt(0x00280106, 0));
        assertEquals("4294967295", a.getString(0x00081160));
        assertEquals(4294967295L, a.getLong(0x00081160, 0));
        assertEquals(-5, a.getInt(0x00186020, 0));
        assertEquals(-7L, a.getLong(0x00720082, 0));
        assertEquals("18446744073709551615", a.getString(0x00720083));
        assertEquals(0.5, a.getDouble(0x00189089, 0), 0);
        assertEquals(2.25, a.getDouble(0x00189087, 0), 0);
        assertEquals(12, a.getInt(Tag.InstanceNumber, 0));
        assertArrayEquals("12".getBytes(), a.getBytes(Tag.InstanceNumber));
        assertEquals("7FE00010", a.getString(0x00209165));
        assertArrayEquals(new int[] {Tag.PixelData}, a.getInts(0x00209165));
        assertArrayEquals(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0}, a.getBytes(0x00209165));
    }

    @Test
    void returnsDefaultsForAbsentOrEmptyValues() {
        Attributes a = new Attributes().setBytes(Tag.Rows, VR.US, new byte[0]).setBytes(Tag.InstanceNumber, VR.IS, new byte[0]);
        assertEquals(-1, a.getInt(Tag.Rows, -1));
        assertEquals(-1, a.getInt(Tag.InstanceNumber, -1));
        assertEquals(-1, a.getInt(Tag.Columns, -1));
        assertEquals("d", a.getString(Tag.PatientID, "d"));
        assertNull(a.getSequence(Tag.PatientID));
        assertNull(a.getFragments(Tag.PixelData));
        assertNull(a.getBytes(Tag.PixelData));
    }

    @Test
    void returnsNoStringForBinaryValues() {
        Attributes a = new Attributes().setBytes(Tag.PixelData, VR.OW, new byte[4]);
        assertNull(a.getString(Tag.PixelData));
    }

    @Test
    void refusesStringsForBinaryVrs() {
        assertThrows(IllegalArgumentException.class, () -> new Attributes().setString(Tag.PixelData, VR.OB, "x"));
    }

    @Test
    void sequenceItemsKnowTheirParent() {
        Attributes a = new Attributes();
        List<Attributes> items = a.newSequence(0x00081140);
        Attributes item = new Attributes();
        items.add(item);
        assertSame(a, item.parent());
        assertSame(items, a.getSequence(0x00081140));
        assertEquals(VR.SQ, a.getVR(0x00081140));
    }

    @Test
    void equalsComparesValuesDeeply() {
        Attributes a = new Attributes().setString(Tag.PatientID, VR.LO, "X");
        a.newSequence(0x00081140).add(new Attributes().setInt(Tag.Rows, VR.US, 1));
        Attributes b = new Attributes().setString(Tag.PatientID, VR.LO, "X");
        b.newSequence(0x00081140).add(new Attributes().setInt(Tag.Rows, VR.US, 1));
        assertEquals(a, b);
        b.getSequence(0x00081140).get(0).setInt(Tag.Rows, VR.US, 2);
        assertFalse(a.equals(b));
    }
}
