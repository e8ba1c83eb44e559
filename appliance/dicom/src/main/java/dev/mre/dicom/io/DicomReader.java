// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.TransferSyntax;
import dev.mre.dicom.data.VR;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads data sets and Part 10 files into {@link Attributes}. Exists as the one entry point for
 * parsing: from a byte[] slice (the SCP's received P-DATA, no copy of the input), a file, or a
 * stream. Big-endian data is converted to little endian in memory; deflated data is inflated;
 * encapsulated syntaxes keep Pixel Data as {@link dev.mre.dicom.data.Fragments}.
 */
public final class DicomReader {
    private DicomReader() {}

    /** Name used in messages for data that does not come from a file. */
    public static final String STREAM = "<stream>";

    public static Attributes readDataset(byte[] bytes, int offset, int length, String tsuid)
            throws DicomParseException {
        return readDataset(bytes, offset, length, tsuid, STREAM);
    }

    /** As {@link #readDataset(byte[], int, int, String)}, naming source in errors. */
    public static Attributes readDataset(byte[] bytes, int offset, int length, String tsuid, String source)
            throws DicomParseException {
        return readDatasetWithoutBulkData(bytes, offset, length, tsuid, source, Integer.MAX_VALUE);
    }

    /**
     * As {@link #readDataset(byte[], int, int, String, String)}, but binary values (OB, OW, OF, OD,
     * OL, OV, UN) longer than {@code bulkLimit} bytes are left out of the result (their lengths are
     * still checked): a storage SCP needs the UIDs and routing attributes, not a second copy of the
     * pixel data, which it stores from the received bytes.
     */
    public static Attributes readDatasetWithoutBulkData(byte[] bytes, int offset, int length, String tsuid,
                                                        String source, int bulkLimit) throws DicomParseException {
        if (offset < 0 || length < 0 || offset + (long) length > bytes.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        TransferSyntax ts = TransferSyntax.of(tsuid);
        if (ts.deflated()) {
            byte[] inflated = Deflate.inflate(bytes, offset, length, source);
            return new DatasetParser(inflated, source, 0, " in the inflated data set").withoutBulkData(bulkLimit)
                    .parse(0, inflated.length, true, false);
        }
        boolean explicit = ts.explicitVR();
        if (!ts.bigEndian() && length >= 8) explicit = looksExplicit(bytes, offset);
        return new DatasetParser(bytes, source, 0, "").withoutBulkData(bulkLimit)
                .parse(offset, offset + length, explicit, ts.bigEndian());
    }

    /**
     * Some writers encode a data set in Implicit VR while announcing an Explicit VR syntax (or
     * the reverse). Like pydicom and dcm4che, trust the first element header: two upper-case
     * letters forming a VR where the VR would be mean explicit.
     */
    static boolean looksExplicit(byte[] b, int off) {
        byte c0 = b[off + 4];
        byte c1 = b[off + 5];
        boolean vrLike = c0 >= 'A' && c0 <= 'Z' && c1 >= 'A' && c1 <= 'Z' && VR.of(c0, c1) != null;
        return vrLike;
    }

    /** Reads a whole stream (not closed) holding one data set in the given transfer syntax. */
    public static Attributes readDataset(InputStream in, String tsuid) throws IOException {
        byte[] b = in.readAllBytes();
        return readDataset(b, 0, b.length, tsuid, STREAM);
    }

    /** Reads a Part 10 file, or a bare data set whose encoding is guessed. */
    public static DicomFile readFile(Path file) throws IOException {
        return readFile(Files.readAllBytes(file), file.toString());
    }

    /** Reads a whole stream (not closed) as a Part 10 file or bare data set. */
    public static DicomFile readFile(InputStream in) throws IOException {
        return readFile(in.readAllBytes(), STREAM);
    }

    /** Reads bytes holding a Part 10 file or a bare data set; source names it in errors. */
    public static DicomFile readFile(byte[] bytes, String source) throws DicomParseException {
        MetaScan scan = MetaScan.of(bytes, bytes.length, true);
        if (!scan.complete() && scan.hasMeta()) {
            throw new DicomParseException(source, scan.datasetOffset(), "truncated File Meta Information");
        }
        Attributes meta = scan.parse(bytes, source);
        String tsuid = scan.tsuid(meta, bytes, bytes.length);
        int off = scan.datasetOffset();
        Attributes dataset = readDataset(bytes, off, bytes.length - off, tsuid, source);
        return new DicomFile(meta, dataset, tsuid);
    }
}
