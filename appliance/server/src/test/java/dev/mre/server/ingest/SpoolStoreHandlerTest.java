// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.io.DicomFile;
import dev.mre.dicom.io.DicomReader;
import dev.mre.dicom.io.Part10;
import dev.mre.dicom.net.service.DicomServiceException;
import dev.mre.dicom.net.service.Status;
import dev.mre.dicom.net.service.StoreRequest;
import dev.mre.server.testing.MrObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolStoreHandlerTest {
    @TempDir
    Path dir;
    private final List<StoredInstance> told = new ArrayList<>();

    private static StoreRequest request(Attributes ds, String callingAe) {
        return new StoreRequest(callingAe + "->MRE_APPLIANCE(1)", callingAe, "MRE_APPLIANCE", 1,
                ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID), UID.ExplicitVRLittleEndian, ds,
                MrObjects.datasetBytes(ds));
    }

    private static List<Path> allFiles(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void whenStoreReturnsThePart10FileIsCompleteWithTheReceivedBytesAndNoTempFile() throws Exception {
        SpoolStoreHandler handler = new SpoolStoreHandler(new Spool(dir, 0), told::add);
        Attributes ds = MrObjects.dataset("1.2.3.100");
        StoreRequest rq = request(ds, "CONSOLE");
        assertEquals(Status.Success, handler.store(rq));
        Path file = dir.resolve(MrObjects.STUDY).resolve(MrObjects.SERIES).resolve("1.2.3.100.dcm");
        assertEquals(List.of(file), allFiles(dir));
        Part10.Header h = Part10.readHeader(file);
        assertEquals(UID.ExplicitVRLittleEndian, h.tsuid());
        byte[] content = Files.readAllBytes(file);
        byte[] stored = java.util.Arrays.copyOfRange(content, (int) h.datasetOffset(), content.length);
        assertArrayEquals(rq.datasetBytes(), stored);
        DicomFile parsed = DicomReader.readFile(file);
        assertEquals("1.2.3.100", parsed.fileMeta().getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals(1, told.size());
        assertEquals(file, told.get(0).file());
        assertEquals("MR", told.get(0).modality());
        assertEquals("CONSOLE", told.get(0).callingAe());
    }

    @Test
    void aHostileStudyUidAndCallingAeStayInsideTheSpool() throws Exception {
        SpoolStoreHandler handler = new SpoolStoreHandler(new Spool(dir, 0), told::add);
        Attributes ds = MrObjects.dataset("1.2.3.101");
        ds.setString(Tag.StudyInstanceUID, dev.mre.dicom.data.VR.UI, "../../etc");
        assertEquals(Status.Success, handler.store(request(ds, "EVIL/../AE")));
        Path file = allFiles(dir).get(0);
        assertTrue(file.startsWith(dir));
        assertEquals(SafeNames.digest("../../etc"), dir.relativize(file).getName(0).toString());
        assertFalse(file.toString().contains("EVIL"), "the calling AE must not appear in the path: " + file);
        assertEquals("EVIL/../AE", told.get(0).callingAe());
    }

    @Test
    void aDuplicateIsAnsweredSuccessAndKeepsTheFirstCopy() throws Exception {
        SpoolStoreHandler handler = new SpoolStoreHandler(new Spool(dir, 0), told::add);
        Attributes first = MrObjects.dataset("1.2.3.102");
        handler.store(request(first, "CONSOLE"));
        Path file = allFiles(dir).get(0);
        byte[] before = Files.readAllBytes(file);
        Attributes changed = MrObjects.dataset("1.2.3.102");
        changed.setString(Tag.SeriesDescription, dev.mre.dicom.data.VR.LO, "changed");
        assertEquals(Status.Success, handler.store(request(first, "CONSOLE")));
        assertEquals(Status.Success, handler.store(request(changed, "CONSOLE")));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1, allFiles(dir).size());
    }

    @Test
    void aFullDiskAnswersA700AndLeavesNoPartialFileAndEarlierFilesIntact() throws Exception {
        try (TmpfsMount tmpfs = TmpfsMount.mount(dir.resolve("small"), "256k")) {
            SpoolStoreHandler handler = new SpoolStoreHandler(new Spool(tmpfs.dir, 0), told::add);
            List<byte[]> before = new ArrayList<>();
            DicomServiceException full = null;
            for (int i = 0; i < 200 && full == null; i++) {
                Attributes ds = MrObjects.dataset("1.2.3." + i);
                ds.setBytes(Tag.PixelData, dev.mre.dicom.data.VR.OW, new byte[30_000]);
                try {
                    handler.store(request(ds, "CONSOLE"));
                    before.add(Files.readAllBytes(told.get(told.size() - 1).file()));
                } catch (DicomServiceException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the tmpfs never filled");
            assertEquals(Status.OutOfResources, full.status());
            assertFalse(before.isEmpty());
            List<Path> files = allFiles(tmpfs.dir);
            assertEquals(told.stream().map(StoredInstance::file).sorted().toList(), files,
                    "only completely stored objects may be on disk");
            for (int i = 0; i < told.size(); i++) {
                assertArrayEquals(before.get(i), Files.readAllBytes(told.get(i).file()));
            }
        }
    }
}
