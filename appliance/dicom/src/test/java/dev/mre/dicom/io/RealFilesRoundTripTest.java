// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.UID;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every readable pydicom test file survives our write then read unchanged (values keep their
 * bytes, including text in character sets we cannot decode), and Part10.write of a file's own
 * data set bytes after readHeader reproduces the file's data set exactly (the forwarding path).
 */
@org.junit.jupiter.api.Tag("slow")
class RealFilesRoundTripTest {
    @Test
    void everyTestFileSurvivesWriteThenReadUnchanged() throws Exception {
        List<String> failures = new ArrayList<>();
        int files = 0;
        for (Path file : PydicomOracleTest.dicomFiles()) {
            if (PydicomOracleTest.CORRUPT.containsKey(file.getFileName().toString())) continue;
            DicomFile f = DicomReader.readFile(file);
            String ts = f.transferSyntaxUid();  // encapsulated ones are written as explicit VR LE
            byte[] b = DicomWriter.writeDataset(f.dataset(), ts);
            Attributes back = DicomReader.readDataset(b, 0, b.length, ts);
            byte[] again = DicomWriter.writeDataset(back, ts);
            if (!java.util.Arrays.equals(b, again) || !sameTags(f.dataset(), back)) failures.add(file.toString());
            files++;
        }
        System.out.println("write/read round trip: " + files + " files");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static boolean sameTags(Attributes a, Attributes b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.tagAt(i) != b.tagAt(i) || a.vrAt(i) != b.vrAt(i)) return false;
        return true;
    }

    @Test
    void forwardsADataSetByteForByteAfterReadHeader() throws Exception {
        int files = 0;
        for (Path file : PydicomOracleTest.dicomFiles()) {
            if (PydicomOracleTest.CORRUPT.containsKey(file.getFileName().toString())) continue;
            Part10.Header h = Part10.readHeader(file);
            byte[] all = Files.readAllBytes(file);
            int off = (int) h.datasetOffset();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Attributes meta = Part10.createFileMeta(UID.MRImageStorage, "1.2.3", h.tsuid());
            Part10.write(out, meta, all, off, all.length - off);
            DicomFile copy = DicomReader.readFile(out.toByteArray(), "copy of " + file);
            assertEquals(DicomReader.readFile(file).dataset(), copy.dataset(), file.toString());
            files++;
        }
        assertTrue(files > 80);
    }
}
