// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark (not a test: no speed is asserted in tests): median time to parse a 256x256 16-bit MR
 * data set (~130 KB) in Explicit and Implicit VR Little Endian, and to write it as a Part 10
 * file, after warm-up. Receiving 1,000 images per second needs parsing well under 1 ms.
 * Run: {@code java -cp appliance/target/mre-appliance.jar:appliance/dicom/target/test-classes
 * dev.mre.dicom.io.ParseBenchmark} (needs python3-pydicom's MR_small.dcm).
 */
public final class ParseBenchmark {
    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DicomFile mr = DicomReader.readFile(Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm"));
        Attributes ds = mr.dataset();
        ds.setInt(Tag.Rows, VR.US, 256).setInt(Tag.Columns, VR.US, 256);
        ds.setBytes(Tag.PixelData, VR.OW, new byte[256 * 256 * 2]);
        for (String ts : new String[] {UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian}) {
            byte[] b = DicomWriter.writeDataset(ds, ts);
            long median = medianNanos(() -> DicomReader.readDataset(b, 0, b.length, ts));
            System.out.printf("parse %s, %d bytes, %d elements: median %.1f us%n", UID.nameOf(ts), b.length,
                    ds.size(), median / 1000.0);
        }
        Attributes meta = Part10.createFileMeta(UID.MRImageStorage, "1.2.3", UID.ExplicitVRLittleEndian);
        byte[] b = DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian);
        long write = medianNanos(() -> {
            Part10.write(OutputStream.nullOutputStream(), meta, b, 0, b.length);
            return null;
        });
        System.out.printf("Part10.write meta + %d bytes: median %.1f us%n", b.length, write / 1000.0);
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
            if (r instanceof Attributes a && a.isEmpty()) {
                throw new IllegalStateException("parsed nothing");
            }
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
