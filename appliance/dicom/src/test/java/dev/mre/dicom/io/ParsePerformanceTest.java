// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The appliance must receive 1,000 256x256 16-bit MR images per second without parsing being
 * the limit: parsing one (~130 KB) must take well under 1 ms after warm-up. The bound asserted
 * is 1 ms for the median, loose on purpose because CI machines are shared; the printed numbers
 * are what to watch.
 */
@org.junit.jupiter.api.Tag("slow")
class ParsePerformanceTest {
    @Test
    void parsesA130KilobyteMrImageWellUnderOneMillisecond() throws Exception {
        DicomFile mr = DicomReader.readFile(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm"));
        Attributes ds = mr.dataset();
        ds.setInt(Tag.Rows, VR.US, 256).setInt(Tag.Columns, VR.US, 256);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[256 * 256 * 2]);
        for (String ts : new String[] {UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian}) {
            byte[] b = DicomWriter.writeDataset(ds, ts);
            assertTrue(b.length > 130_000, "size " + b.length);
            long median = medianNanos(() -> DicomReader.readDataset(b, 0, b.length, ts));
            System.out.printf("parse %s, %d bytes, %d elements: median %.1f us%n", UID.nameOf(ts), b.length,
                    ds.size(), median / 1000.0);
            assertTrue(median < 1_000_000, "median parse time " + median + " ns");
        }
        Attributes meta = Part10.createFileMeta(UID.MRImageStorage, "1.2.3", UID.ExplicitVRLittleEndian);
        byte[] b = DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian);
        long write = medianNanos(() -> {
            Part10.write(OutputStream.nullOutputStream(), meta, b, 0, b.length);
            return null;
        });
        System.out.printf("Part10.write meta + %d bytes: median %.1f us%n", b.length, write / 1000.0);
        assertTrue(write < 1_000_000, "median write time " + write + " ns");
    }

    interface Work {
        Object run() throws Exception;
    }

    private static long medianNanos(Work work) throws Exception {
        for (int i = 0; i < 3000; i++) work.run();  // warm-up
        long[] t = new long[2000];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            Object r = work.run();
            t[i] = System.nanoTime() - start;
            if (r instanceof Attributes a) assertEquals(false, a.isEmpty());
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
