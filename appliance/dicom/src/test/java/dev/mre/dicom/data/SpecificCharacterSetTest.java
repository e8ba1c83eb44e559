// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecificCharacterSetTest {
    private static final byte[] LATIN1_NAME = "Müller^Jürgen".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] UTF8_NAME = "Müller^Jürgen".getBytes(StandardCharsets.UTF_8);

    @Test
    void decodesLatin1ForIsoIr100() {
        Attributes a = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100")
                .setBytes(Tag.PatientName, VR.PN, LATIN1_NAME);
        assertEquals("Müller^Jürgen", a.getString(Tag.PatientName));
        assertTrue(a.isCharsetDecodable());
    }

    @Test
    void decodesUtf8ForIsoIr192InEveryTextVr() {
        Attributes a = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        int[] tags = {Tag.StationName, Tag.PatientID, 0x00080081, 0x00204000, 0x0040A160, 0x00189094, Tag.PatientName};
        VR[] vrs = {VR.SH, VR.LO, VR.ST, VR.LT, VR.UC, VR.UT, VR.PN};
        for (int i = 0; i < tags.length; i++) a.setBytes(tags[i], vrs[i], UTF8_NAME);
        for (int tag : tags) assertEquals("Müller^Jürgen", a.getString(tag));
    }

    @Test
    void defaultRepertoireKeepsEveryByteReadableAsLatin1() {
        Attributes a = new Attributes().setBytes(Tag.PatientName, VR.PN, LATIN1_NAME);
        assertEquals("Müller^Jürgen", a.getString(Tag.PatientName));
        assertTrue(a.charset().isDefault());
    }

    @Test
    void reportsCodeExtensionsAsNotDecodableAndKeepsTheBytes() {
        byte[] jis = {0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42};
        Attributes a = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "", "ISO 2022 IR 87")
                .setBytes(Tag.PatientName, VR.PN, jis);
        assertFalse(a.isCharsetDecodable());
        assertEquals(new String(jis, StandardCharsets.ISO_8859_1), a.getString(Tag.PatientName));
        assertArrayEquals(jis, a.getBytes(Tag.PatientName));
    }

    @Test
    void decodesOtherSingleByteCharacterSets() {
        Attributes a = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 144")
                .setBytes(Tag.PatientName, VR.PN, "Люкceмбypг".getBytes(java.nio.charset.Charset.forName("ISO-8859-5")));
        assertEquals("Люкceмбypг", a.getString(Tag.PatientName));
    }

    @Test
    void itemsInheritTheParentsCharacterSetUnlessTheyHaveTheirOwn() {
        Attributes a = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Attributes inherits = new Attributes().setBytes(Tag.PatientName, VR.PN, UTF8_NAME);
        Attributes own = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100")
                .setBytes(Tag.PatientName, VR.PN, LATIN1_NAME);
        a.newSequence(0x00081140).add(inherits);
        a.getSequence(0x00081140).add(own);
        assertEquals("Müller^Jürgen", inherits.getString(Tag.PatientName));
        assertEquals("Müller^Jürgen", own.getString(Tag.PatientName));
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");  // items follow a change
        assertEquals(new String(UTF8_NAME, StandardCharsets.ISO_8859_1), inherits.getString(Tag.PatientName));
    }

    @Test
    void encodesSetStringWithTheDataSetsCharacterSet() {
        Attributes a = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192")
                .setString(Tag.PatientName, VR.PN, "Müller");
        assertArrayEquals("Müller ".getBytes(StandardCharsets.UTF_8), a.getBytes(Tag.PatientName));  // 7 bytes, padded
    }
}
