// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TagTest {

    /** Tag constants are written by hand: each name must be the dictionary's keyword for its value. */
    @Test
    void everyConstantIsNamedByItsDictionaryKeyword() throws Exception {
        int checked = 0;
        for (java.lang.reflect.Field f : Tag.class.getFields()) {
            // Item and delimiters (FFFE,xxxx) are encoding markers of PS3.5 7.5, not PS3.6 elements.
            if (f.getType() == int.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())
                    && Tag.group(f.getInt(null)) != 0xFFFE) {
                assertEquals(f.getName(), ElementDictionary.keywordOf(f.getInt(null)),
                        "Tag." + f.getName() + " = " + Tag.toString(f.getInt(null)));
                checked++;
            }
        }
        assertTrue(checked > 100, "only " + checked + " constants found");
    }
    @Test
    void formatsAsGroupCommaElementInUpperCaseHex() {
        assertEquals("(0008,0016)", Tag.toString(Tag.SOPClassUID));
        assertEquals("(7FE0,0010)", Tag.toString(Tag.PixelData));
        assertEquals("(FFFE,E0DD)", Tag.toString(Tag.SequenceDelimitationItem));
        assertEquals(0x0010, Tag.group(Tag.PatientName));
        assertEquals(0x0010, Tag.element(Tag.PatientName));
        assertEquals(0xFFFE, Tag.group(Tag.Item));
    }

    @Test
    void knowsPrivateTagsAndPrivateCreators() {
        assertTrue(Tag.isPrivate(0x00291010));
        assertFalse(Tag.isPrivate(Tag.PatientName));
        assertFalse(Tag.isPrivate(0x00050010));  // groups 1, 3, 5, 7 are not private
        assertFalse(Tag.isPrivate(0xFFFFFFFF));
        assertTrue(Tag.isPrivateCreator(0x00290010));
        assertTrue(Tag.isPrivateCreator(0x002900FF));
        assertFalse(Tag.isPrivateCreator(0x00290100));
        assertFalse(Tag.isPrivateCreator(0x00290009));
        assertTrue(Tag.isGroupLength(0x00290000));
    }

    @Test
    void vrsParseFromTheirTwoLetterCode() {
        for (VR vr : VR.values()) assertEquals(vr, VR.of(vr.name().charAt(0), vr.name().charAt(1)));
        assertNull(VR.of('Z', 'Z'));
        assertNull(VR.of(0, 0));
        assertTrue(VR.OB.longHeader() && VR.UT.longHeader() && VR.SV.longHeader() && !VR.US.longHeader());
    }

    @Test
    void transferSyntaxesAnswerTheirFourQuestions() {
        TransferSyntax ivle = TransferSyntax.of(UID.ImplicitVRLittleEndian);
        assertFalse(ivle.explicitVR() || ivle.bigEndian() || ivle.deflated() || ivle.encapsulated());
        assertTrue(TransferSyntax.of(UID.ExplicitVRBigEndian).bigEndian());
        assertTrue(TransferSyntax.of(UID.DeflatedExplicitVRLittleEndian).deflated());
        TransferSyntax unknown = TransferSyntax.of("1.2.3.4.999");
        assertTrue(unknown.explicitVR() && unknown.encapsulated() && !unknown.bigEndian());
        assertTrue(TransferSyntax.of(UID.JPEG2000Lossless).encapsulated());
    }

    @Test
    void uidsHaveTheirStandardNames() {
        assertEquals("MR Image Storage", UID.nameOf(UID.MRImageStorage));
        assertEquals("Explicit VR Little Endian", UID.nameOf(UID.ExplicitVRLittleEndian));
        assertEquals("1.2.3.4", UID.nameOf("1.2.3.4"));
        assertEquals("Verification", UID.keywordOf(UID.Verification));
        assertEquals("Transfer Syntax", UID.typeOf(UID.DeflatedExplicitVRLittleEndian));
    }
}
