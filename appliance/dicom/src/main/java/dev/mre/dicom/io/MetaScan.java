// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.LittleEndian;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;

/**
 * Finds where the File Meta Information starts and ends in the first bytes of a file: after a
 * preamble and "DICM", or at offset 0 (meta without preamble), or absent (a bare data set).
 * The end is found by walking group 0002 element headers (not trusting (0002,0000), which some
 * writers get wrong). Meta elements are Explicit VR Little Endian; a few writers use Implicit.
 */
record MetaScan(int metaOffset, int datasetOffset, boolean explicit, boolean complete) {
    /** Scans b[0..n); atEnd tells that n is the end of the file, not of a first chunk. */
    static MetaScan of(byte[] b, int n, boolean atEnd) {
        int start = 0;
        if (n >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
            start = 132;
        } else if (n >= 4 && b[0] == 'D' && b[1] == 'I' && b[2] == 'C' && b[3] == 'M') {
            start = 4;
        }
        boolean explicit = n >= start + 6 && VR.of(b[start + 4], b[start + 5]) != null;
        int pos = start;
        while (true) {
            if (pos + 8 > n) return new MetaScan(start, pos, explicit, atEnd && pos == n);
            if (LittleEndian.u16(b, pos) != 0x0002) return new MetaScan(start, pos, explicit, true);
            long len;
            int header;
            if (explicit) {
                VR vr = VR.of(b[pos + 4], b[pos + 5]);
                if (vr != null && vr.longHeader()) {
                    if (pos + 12 > n) return new MetaScan(start, pos, explicit, false);
                    len = LittleEndian.i32(b, pos + 8) & 0xFFFFFFFFL;
                    header = 12;
                } else {
                    len = LittleEndian.u16(b, pos + 6);
                    header = 8;
                }
            } else {
                len = LittleEndian.i32(b, pos + 4) & 0xFFFFFFFFL;
                header = 8;
            }
            if (pos + header + len > n) return new MetaScan(start, pos, explicit, false);
            pos += header + (int) len;
        }
    }

    /** True when a File Meta Information group was found. */
    boolean hasMeta() {
        return datasetOffset > metaOffset;
    }

    Attributes parse(byte[] b, String source) throws DicomParseException {
        Attributes meta = new Attributes(8);
        if (hasMeta()) {
            new DatasetParser(b, source, 0, "").parseInto(meta, metaOffset, datasetOffset, explicit, false);
        }
        return meta;
    }

    /** The meta's Transfer Syntax UID, or one guessed from the data set's first bytes. */
    String tsuid(Attributes meta, byte[] b, int n) {
        String ts = meta.getString(Tag.TransferSyntaxUID);
        if (ts != null && !ts.isEmpty()) return ts;
        return guess(b, datasetOffset, n);
    }

    /**
     * Guesses the transfer syntax of a bare data set from its first element header: a first
     * byte 0 and second non-zero means a big-endian group; two upper-case letters where the VR
     * would be mean explicit VR.
     */
    static String guess(byte[] b, int off, int n) {
        if (off + 8 > n) return UID.ImplicitVRLittleEndian;
        boolean big = b[off] == 0 && b[off + 1] != 0;
        boolean explicit = isUpper(b[off + 4]) && isUpper(b[off + 5]) && VR.of(b[off + 4], b[off + 5]) != null;
        if (big) return UID.ExplicitVRBigEndian;
        return explicit ? UID.ExplicitVRLittleEndian : UID.ImplicitVRLittleEndian;
    }

    private static boolean isUpper(byte c) {
        return c >= 'A' && c <= 'Z';
    }
}
