// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MalformedDataTest {
    private static DicomParseException parseFails(byte[] b, String tsuid) {
        return assertThrows(DicomParseException.class, () -> DicomReader.readDataset(b, 0, b.length, tsuid));
    }

    @Test
    void rejectsElementLengthBeyondTheDataWithoutAllocatingIt() {
        byte[] b = new Fixture().explicitString(Tag.PatientID, "LO", "ID")
                .longHeader(Tag.PixelData, "OB", 0x7FFFFFF0).raw(new byte[16]).bytes();
        DicomParseException e = parseFails(b, UID.ExplicitVRLittleEndian);
        assertEquals(10, e.offset());
        assertEquals("<stream>", e.source());
        assertTrue(e.getMessage().startsWith("<stream>: value length 2147483632 of (7FE0,0010) OB exceeds the 16 bytes remaining at offset 10"),
                e.getMessage());
    }

    @Test
    void rejectsNegativeLengthsOtherThanUndefined() {
        byte[] b = new Fixture().tag(Tag.PatientID).u32(0xFFFFFFF0).bytes();
        assertEquals(0, parseFails(b, UID.ImplicitVRLittleEndian).offset());
    }

    @Test
    void rejectsATruncatedElementHeader() {
        byte[] b = new Fixture().explicitString(Tag.PatientID, "LO", "ID").raw((byte) 0x10, (byte) 0).bytes();
        DicomParseException e = parseFails(b, UID.ExplicitVRLittleEndian);
        assertEquals(10, e.offset());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsABadVrCode() {
        byte[] b = new Fixture().explicitString(Tag.PatientID, "LO", "ID").explicitString(Tag.PatientName, "ZZ", "AB")
                .bytes();
        DicomParseException e = parseFails(b, UID.ExplicitVRLittleEndian);
        assertEquals(14, e.offset());
        assertTrue(e.getMessage().contains("bad VR"), e.getMessage());
    }

    @Test
    void rejectsOddLengthsForBinaryAndNumericVrs() {
        byte[] b = new Fixture().shortHeader(Tag.Rows, "US", 3).raw(new byte[3]).raw((byte) 0).bytes();
        assertTrue(parseFails(b, UID.ExplicitVRLittleEndian).getMessage().contains("odd length 3"));
    }

    @Test
    void rejectsAnUnterminatedUndefinedLengthSequence() {
        byte[] b = new Fixture().longHeader(0x00081140, "SQ", -1).item(-1)
                .explicitString(Tag.PatientID, "LO", "ID").bytes();
        assertTrue(parseFails(b, UID.ExplicitVRLittleEndian).getMessage().contains("truncated"));
    }

    @Test
    void rejectsAnItemLongerThanItsSequence() {
        byte[] b = new Fixture().tag(0x00081140).u32(8 + 10).item(100).implicitString(Tag.PatientID, "ID").bytes();
        assertTrue(parseFails(b, UID.ImplicitVRLittleEndian).getMessage().contains("exceeds"));
    }

    @Test
    void rejectsSomethingOtherThanAnItemInASequence() {
        byte[] b = new Fixture().tag(0x00081140).u32(-1).implicitString(Tag.PatientID, "ID").bytes();
        DicomParseException e = parseFails(b, UID.ImplicitVRLittleEndian);
        assertEquals(8, e.offset());
        assertTrue(e.getMessage().contains("expected an Item"), e.getMessage());
    }

    @Test
    void namesTheFileAndOffsetWhenReadingATruncatedFile(@TempDir Path dir) throws Exception {
        Attributes ds = new Attributes().setString(Tag.PatientID, VR.LO, "ID")
                .setBytes(Tag.PixelData, VR.OW, new byte[1000]);
        byte[] file = DicomWriter.writeFile(Part10.createFileMeta(UID.MRImageStorage, "1.2.3", UID.ExplicitVRLittleEndian), ds);
        Path cut = dir.resolve("cut.dcm");
        Files.write(cut, java.util.Arrays.copyOf(file, file.length - 10));
        DicomParseException e = assertThrows(DicomParseException.class, () -> DicomReader.readFile(cut));
        assertEquals(cut.toString(), e.source());
        assertTrue(e.getMessage().startsWith(cut + ": value length 1000 of (7FE0,0010) OW exceeds the 990 bytes remaining at offset "),
                e.getMessage());
    }

    @Test
    void rejectsTruncatedDeflatedData() {
        byte[] d = DicomWriter.writeDataset(new Attributes().setString(Tag.PatientID, VR.LO, "A".repeat(500)),
                UID.DeflatedExplicitVRLittleEndian);
        byte[] cut = java.util.Arrays.copyOf(d, d.length / 2);
        assertTrue(parseFails(cut, UID.DeflatedExplicitVRLittleEndian).getMessage().contains("deflate"));
    }

    @Test
    void namesOffsetsInInflatedDataAsSuch() {
        byte[] bad = new Fixture().shortHeader(Tag.PatientID, "LO", 100).ascii("short").bytes();
        byte[] deflated = Deflate.deflate(bad);
        DicomParseException e = parseFails(deflated, UID.DeflatedExplicitVRLittleEndian);
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().endsWith("at offset 0 in the inflated data set"), e.getMessage());
    }

    @Test
    void readsAPart10FileWithAnEmptyDataSet() throws Exception {
        byte[] file = DicomWriter.writeFile(Part10.createFileMeta(UID.MRImageStorage, "1.2", UID.ExplicitVRLittleEndian),
                new Attributes());
        DicomFile f = DicomReader.readFile(file, "empty");
        assertEquals(0, f.dataset().size());
        assertEquals("1.2", f.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
    }

    @Test
    void rejectsATruncatedFileMetaInformation() {
        byte[] file = DicomWriter.writeFile(Part10.createFileMeta(UID.MRImageStorage, "1.2", UID.ExplicitVRLittleEndian),
                new Attributes());
        DicomParseException e = assertThrows(DicomParseException.class,
                () -> DicomReader.readFile(java.util.Arrays.copyOf(file, file.length - 3), "cut-meta"));
        assertTrue(e.getMessage().startsWith("cut-meta: truncated File Meta Information at offset"), e.getMessage());
    }

    /** 1,000 nested sequences: parsed without recursion, so no StackOverflowError; written and dumped too. */
    @Test
    void readsWritesAndDumpsAThousandDeepNestedSequence() throws Exception {
        for (String ts : List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian)) {
            byte[] b = nested(1000, ts.equals(UID.ExplicitVRLittleEndian));
            Attributes ds = DicomReader.readDataset(b, 0, b.length, ts);
            Attributes a = ds;
            for (int i = 0; i < 1000; i++) a = a.getSequence(0x00081140).get(0);
            assertEquals("LEAF", a.getString(Tag.PatientID));
            byte[] again = DicomWriter.writeDataset(ds, ts);
            assertEquals(ds, DicomReader.readDataset(again, 0, again.length, ts));
            StringBuilder dump = new StringBuilder();
            DicomDump.dump(ds, dump);
            assertTrue(dump.toString().contains("[LEAF]"));
        }
    }

    @Test
    void rejectsNestingDeeperThanTheDocumentedLimit() {
        byte[] b = nested(DatasetParser.MAX_DEPTH + 1, true);
        DicomParseException e = parseFails(b, UID.ExplicitVRLittleEndian);
        assertTrue(e.getMessage().contains("nested deeper than " + DatasetParser.MAX_DEPTH), e.getMessage());
        byte[] ok = nested(DatasetParser.MAX_DEPTH, true);
        assertTrue(assertDoesNotThrow(ok).size() == 1);
    }

    private static Attributes assertDoesNotThrow(byte[] b) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> DicomReader.readDataset(b, 0, b.length, UID.ExplicitVRLittleEndian));
    }

    private static byte[] nested(int depth, boolean explicit) {
        Fixture f = new Fixture();
        for (int i = 0; i < depth; i++) {
            if (explicit) f.longHeader(0x00081140, "SQ", -1);
            else f.tag(0x00081140).u32(-1);
            f.item(-1);
        }
        if (explicit) f.explicitString(Tag.PatientID, "LO", "LEAF");
        else f.implicitString(Tag.PatientID, "LEAF");
        for (int i = 0; i < depth; i++) f.itemEnd().sequenceEnd();
        return f.bytes();
    }
}
