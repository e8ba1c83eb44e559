// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The storage SCP's parse: every element checked, bulk binary values not copied. */
class WithoutBulkDataTest {

    private static Attributes image(int pixelBytes) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, UID.MRImageStorage);
        a.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        a.setString(Tag.SeriesDescription, VR.LO, "MRE 60Hz");
        a.setString(0x00090010, VR.LO, "MRE TEST");
        a.setBytes(0x00091010, VR.OB, new byte[] {1, 2, 3, 4});
        a.setBytes(Tag.PixelData, VR.OW, new byte[pixelBytes]);
        return a;
    }

    @Test
    void pixelDataOverTheLimitIsLeftOutAndEverythingElseIsKept() throws Exception {
        for (String ts : new String[] {UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian,
                UID.DeflatedExplicitVRLittleEndian}) {
            byte[] bytes = DicomWriter.writeDataset(image(8192), ts);
            Attributes full = DicomReader.readDataset(bytes, 0, bytes.length, ts);
            Attributes light = DicomReader.readDatasetWithoutBulkData(bytes, 0, bytes.length, ts, "t", 1024);
            assertTrue(full.contains(Tag.PixelData), ts);
            assertFalse(light.contains(Tag.PixelData), ts);
            assertEquals("1.2.3.4", light.getString(Tag.SOPInstanceUID), ts);
            assertEquals("MRE 60Hz", light.getString(Tag.SeriesDescription), ts);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, light.getBytes(0x00091010), ts + ": short binary kept");
        }
    }

    @Test
    void aValueAtOrUnderTheLimitIsKept() throws Exception {
        byte[] bytes = DicomWriter.writeDataset(image(1024), UID.ExplicitVRLittleEndian);
        Attributes light = DicomReader.readDatasetWithoutBulkData(bytes, 0, bytes.length, UID.ExplicitVRLittleEndian, "t", 1024);
        assertEquals(1024, light.getBytes(Tag.PixelData).length);
    }

    @Test
    void aBulkValueLongerThanTheDataIsStillAnError() throws Exception {
        byte[] bytes = DicomWriter.writeDataset(image(8192), UID.ExplicitVRLittleEndian);
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 100);
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> DicomReader.readDatasetWithoutBulkData(cut, 0, cut.length, UID.ExplicitVRLittleEndian, "t", 1024));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }
}
