// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.LittleEndian;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Part10Test {
    private static Attributes dataset() {
        return new Attributes().setString(Tag.SOPClassUID, VR.UI, UID.MRImageStorage)
                .setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4")
                .setString(Tag.PatientName, VR.PN, "Test^Patient")
                .setBytes(Tag.PixelData, VR.OW, new byte[512]);
    }

    @Test
    void createsFileMetaWithTheMandatoryElements() {
        Attributes meta = Part10.createFileMeta(UID.MRImageStorage, "1.2.3.4", UID.ExplicitVRLittleEndian);
        assertArrayEquals(new byte[] {0, 1}, meta.getBytes(Tag.FileMetaInformationVersion));
        assertEquals(UID.MRImageStorage, meta.getString(Tag.MediaStorageSOPClassUID));
        assertEquals("1.2.3.4", meta.getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(UID.ExplicitVRLittleEndian, meta.getString(Tag.TransferSyntaxUID));
        assertEquals(Part10.IMPLEMENTATION_CLASS_UID, meta.getString(Tag.ImplementationClassUID));
    }

    @Test
    void writesPreambleDicmAndAComputedGroupLength() throws Exception {
        Attributes meta = Part10.createFileMeta(UID.MRImageStorage, "1.2.3.4", UID.ExplicitVRLittleEndian);
        meta.setInt(Tag.FileMetaInformationGroupLength, VR.UL, 9999);  // wrong on purpose: recomputed
        byte[] data = DicomWriter.writeDataset(dataset(), UID.ExplicitVRLittleEndian);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Part10.write(out, meta, data, 0, data.length);
        byte[] file = out.toByteArray();
        for (int i = 0; i < 128; i++) assertEquals(0, file[i]);
        assertEquals("DICM", new String(file, 128, 4, java.nio.charset.StandardCharsets.US_ASCII));
        int groupLength = LittleEndian.i32(file, 140);
        assertEquals(file.length - data.length - 144, groupLength);
        assertArrayEquals(data, Arrays.copyOfRange(file, file.length - data.length, file.length));
        DicomFile read = DicomReader.readFile(file, "mem");
        assertEquals(groupLength, read.fileMeta().getInt(Tag.FileMetaInformationGroupLength, -1));
        assertEquals(dataset(), read.dataset());
    }

    @Test
    void readHeaderTellsWhereTheDataSetBytesStart(@TempDir Path dir) throws Exception {
        for (String ts : new String[] {UID.ImplicitVRLittleEndian, UID.ExplicitVRBigEndian,
                UID.DeflatedExplicitVRLittleEndian, UID.JPEG2000}) {
            byte[] data = DicomWriter.writeDataset(dataset(), ts);
            Path file = dir.resolve("f.dcm");
            try (OutputStream out = Files.newOutputStream(file)) {
                Part10.write(out, Part10.createFileMeta(UID.MRImageStorage, "1.2.3.4", ts), data, 0, data.length);
            }
            Part10.Header h = Part10.readHeader(file);
            assertEquals(ts, h.tsuid());
            assertEquals("1.2.3.4", h.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
            byte[] all = Files.readAllBytes(file);
            assertArrayEquals(data, Arrays.copyOfRange(all, (int) h.datasetOffset(), all.length));
            if (!ts.equals(UID.JPEG2000)) assertEquals(dataset(), DicomReader.readFile(file).dataset());
        }
    }

    @Test
    void readHeaderReadsMetaLargerThanTheFirstChunk(@TempDir Path dir) throws Exception {
        Attributes meta = Part10.createFileMeta(UID.MRImageStorage, "1.2", UID.ExplicitVRLittleEndian);
        meta.setBytes(0x00020102, VR.OB, new byte[20000]);  // Private Information
        byte[] data = DicomWriter.writeDataset(dataset(), UID.ExplicitVRLittleEndian);
        Path file = dir.resolve("big-meta.dcm");
        Files.write(file, DicomWriter.writeFile(meta, dataset()));
        Part10.Header h = Part10.readHeader(file);
        assertEquals(Files.size(file) - data.length, h.datasetOffset());
        assertEquals(20000, h.fileMeta().getBytes(0x00020102).length);
    }

    @Test
    void readsBareDataSetsGuessingTheirEncoding() throws Exception {
        for (String ts : new String[] {UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian, UID.ExplicitVRBigEndian}) {
            byte[] data = DicomWriter.writeDataset(dataset(), ts);
            for (InputStream in : Fixture.feeds(data)) {
                DicomFile f = DicomReader.readFile(in);
                assertEquals(ts, f.transferSyntaxUid());
                assertTrue(f.fileMeta().isEmpty());
                assertEquals(dataset(), f.dataset());
            }
        }
    }

    @Test
    void readsAFileWhoseMetaLacksTheTransferSyntaxByGuessing() throws Exception {
        Attributes meta = Part10.createFileMeta(UID.MRImageStorage, "1.2", UID.ImplicitVRLittleEndian);
        byte[] data = DicomWriter.writeDataset(dataset(), UID.ImplicitVRLittleEndian);
        meta.remove(Tag.TransferSyntaxUID);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Part10.write(out, meta, data, 0, data.length);
        DicomFile f = DicomReader.readFile(out.toByteArray(), "x");
        assertEquals(UID.ImplicitVRLittleEndian, f.transferSyntaxUid());
        assertEquals(dataset(), f.dataset());
    }

    @Test
    void writeFileRoundTripsThroughEveryWritableTransferSyntax() throws Exception {
        for (String ts : new String[] {UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
                UID.DeflatedExplicitVRLittleEndian, UID.ExplicitVRBigEndian}) {
            byte[] file = DicomWriter.writeFile(Part10.createFileMeta(UID.MRImageStorage, "1.2.3.4", ts), dataset());
            for (InputStream in : Fixture.feeds(file)) {
                DicomFile f = DicomReader.readFile(in);
                assertEquals(ts, f.transferSyntaxUid());
                assertEquals(dataset(), f.dataset());
            }
        }
    }
}
