// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ElementDictionaryTest {
    @Test
    void knowsStandardTagsVrVmAndKeyword() {
        assertEquals(VR.PN, ElementDictionary.vrOf(Tag.PatientName));
        assertEquals("PatientName", ElementDictionary.keywordOf(Tag.PatientName));
        assertEquals("1", ElementDictionary.vmOf(Tag.PatientName));
        assertEquals(VR.SQ, ElementDictionary.vrOf(0x00081140));
        assertEquals(VR.DS, ElementDictionary.vrOf(Tag.PixelSpacing));
        assertEquals("2", ElementDictionary.vmOf(Tag.PixelSpacing));
    }

    @Test
    void holdsTheFullStandardDictionary() {
        assertEquals(true, ElementDictionary.standard().size() > 4000);
    }

    @Test
    void resolvesAmbiguousVrsForImplicitReading() {
        assertEquals("OB or OW", ElementDictionary.listedVR(Tag.PixelData));
        assertEquals(VR.OW, ElementDictionary.vrOf(Tag.PixelData));
        assertEquals(VR.US, ElementDictionary.vrOf(0x00280106));  // Smallest Image Pixel Value, "US or SS"
        assertEquals(VR.OW, ElementDictionary.vrOf(0x00283006));  // LUT Data, "US or OW"
    }

    @Test
    void matchesRepeatingGroupsByMask() {
        assertEquals(VR.OW, ElementDictionary.vrOf(0x60003000));
        assertEquals(VR.OW, ElementDictionary.vrOf(0x601E3000));
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x60023000));
        assertEquals(VR.US, ElementDictionary.vrOf(0x50100005));
    }

    @Test
    void givesGroupLengthUlPrivateCreatorLoAndUnknownPrivateUn() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00080000));
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00290000));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x001900FF));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00290001));
        assertEquals("PrivateCreator", ElementDictionary.keywordOf(0x00290010));
        assertEquals("", ElementDictionary.keywordOf(0x00291010));
        assertNull(ElementDictionary.listedVR(0x00291010));
    }

    @Test
    void sortsTagsAboveSevenFffAsUnsigned() {
        assertEquals(VR.OB, ElementDictionary.vrOf(0xFFFCFFFC));  // Data Set Trailing Padding
        assertEquals(VR.SQ, ElementDictionary.vrOf(0xFFFAFFFA));  // Digital Signatures Sequence
    }
}
