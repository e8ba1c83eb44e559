// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.LittleEndian;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The DICOM file format (PS3.10 7.1): a 128-byte preamble, "DICM", the File Meta Information
 * (group 0002, always Explicit VR Little Endian) and the data set. Exists for the hot path of
 * the appliance: the SCP writes received data set bytes behind a fresh meta without parsing
 * them again ({@link #write}), and the SCU forwards a file's data set bytes unchanged after
 * {@link #readHeader}.
 *
 * <pre>
 *  0      128     132                          132+12+groupLength
 *  | 0x00.. | DICM | (0002,0000) UL len | meta.. | data set (in the transfer syntax) ...
 * </pre>
 */
public final class Part10 {
    private Part10() {}

    /** Our Implementation Class UID (0002,0012), a UUID-derived 2.25 UID. */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.271821964589048211558972439099022706590";
    public static final String IMPLEMENTATION_VERSION_NAME = "MRE_DICOM_0.1";

    static final int PREAMBLE = 128;
    private static final byte[] VERSION = {0, 1};

    /** What {@link #readHeader} found: the meta, its transfer syntax and where the data set starts. */
    public record Header(Attributes fileMeta, String tsuid, long datasetOffset) {}

    public static Attributes createFileMeta(String sopClassUid, String sopInstanceUid, String tsuid) {
        Attributes meta = new Attributes(8);
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, VERSION.clone());
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, sopClassUid);
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstanceUid);
        meta.setString(Tag.TransferSyntaxUID, VR.UI, tsuid);
        meta.setString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }

    /** Writes preamble + "DICM" + meta (group length computed) + the data set bytes exactly as given. */
    public static void write(OutputStream out, Attributes fileMeta, byte[] dataset, int off, int len)
            throws IOException {
        out.write(encodeHeader(fileMeta));
        out.write(dataset, off, len);
    }

    /** Preamble, "DICM" and the meta group with a computed (0002,0000); only group 0002 is written. */
    public static byte[] encodeHeader(Attributes fileMeta) {
        Attributes group = new Attributes(fileMeta.size());
        for (int i = 0; i < fileMeta.size(); i++) {
            int tag = fileMeta.tagAt(i);
            if (Tag.group(tag) == 0x0002 && tag != Tag.FileMetaInformationGroupLength) {
                group.setValue(tag, fileMeta.vrAt(i), fileMeta.valueAt(i));
            }
        }
        byte[] elements = DicomWriter.writeDataset(group, UID.ExplicitVRLittleEndian);
        byte[] out = new byte[PREAMBLE + 4 + 12 + elements.length];
        out[128] = 'D';
        out[129] = 'I';
        out[130] = 'C';
        out[131] = 'M';
        LittleEndian.putTag(out, 132, Tag.FileMetaInformationGroupLength);
        out[136] = 'U';
        out[137] = 'L';
        LittleEndian.put16(out, 138, 4);
        LittleEndian.put32(out, 140, elements.length);
        System.arraycopy(elements, 0, out, 144, elements.length);
        return out;
    }

    /** Reads only the preamble and meta; tells where the data set bytes start. */
    public static Header readHeader(Path file) throws IOException {
        String source = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            int chunk = (int) Math.min(size, 8192);
            while (true) {
                byte[] b = new byte[chunk];
                ByteBuffer buf = ByteBuffer.wrap(b);
                while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) { /* fill */ }
                int n = buf.position();
                MetaScan scan = MetaScan.of(b, n, n == size);
                if (scan.complete() || n == size) {
                    Attributes meta = scan.parse(b, source);
                    String tsuid = scan.tsuid(meta, b, n);
                    return new Header(meta, tsuid, scan.datasetOffset());
                }
                chunk = (int) Math.min(size, Math.min(Integer.MAX_VALUE - 16, chunk * 4L));
            }
        }
    }
}
