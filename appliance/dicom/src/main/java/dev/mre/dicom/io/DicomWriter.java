// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Fragments;
import dev.mre.dicom.data.LittleEndian;
import dev.mre.dicom.data.Sequence;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.TransferSyntax;
import dev.mre.dicom.data.VR;
import java.util.Arrays;

/**
 * Encodes {@link Attributes} in a transfer syntax. Exists for the SCU (sending data sets it
 * built) and for tests; stored objects are written with {@link Part10#write} instead, unchanged.
 * Sequences and items are written with undefined length (no lengths to precompute), encapsulated
 * Pixel Data as items ending with a Sequence Delimitation Item; odd values are padded with the
 * VR's padding byte. Implicit VR, Explicit VR Little and Big Endian and Deflated are supported;
 * any other (compressed) syntax is written as Explicit VR Little Endian.
 */
public final class DicomWriter {
    private byte[] buf = new byte[1024];
    private int size;
    private final boolean explicit;
    private final boolean big;

    private DicomWriter(boolean explicit, boolean big) {
        this.explicit = explicit;
        this.big = big;
    }

    public static byte[] writeDataset(Attributes dataset, String tsuid) {
        TransferSyntax ts = TransferSyntax.of(tsuid);
        DicomWriter w = new DicomWriter(ts.explicitVR(), ts.bigEndian());
        w.writeElements(dataset);
        byte[] out = Arrays.copyOf(w.buf, w.size);
        if (!ts.deflated()) return out;
        byte[] deflated = Deflate.deflate(out);
        return (deflated.length & 1) == 0 ? deflated : Arrays.copyOf(deflated, deflated.length + 1);
    }

    /**
     * A DIMSE command set (PS3.7 6.3.1): group 0000 elements in Implicit VR Little Endian, with
     * Command Group Length (0000,0000) computed; any given value for it is replaced.
     */
    public static byte[] writeCommand(Attributes command) {
        DicomWriter w = new DicomWriter(false, false);
        w.size = 12;  // room for (0000,0000) UL
        for (int i = 0; i < command.size(); i++) {
            int tag = command.tagAt(i);
            if (tag == Tag.CommandGroupLength) continue;
            Attributes one = new Attributes(1).setValue(tag, command.vrAt(i), command.valueAt(i));
            w.writeElements(one);
        }
        LittleEndian.putTag(w.buf, 0, Tag.CommandGroupLength);
        LittleEndian.put32(w.buf, 4, 4);
        LittleEndian.put32(w.buf, 8, w.size - 12);
        return Arrays.copyOf(w.buf, w.size);
    }

    /** Preamble + "DICM" + meta + the data set in the meta's Transfer Syntax UID. */
    public static byte[] writeFile(Attributes fileMeta, Attributes dataset) {
        String tsuid = fileMeta.getString(Tag.TransferSyntaxUID);
        if (tsuid == null) throw new IllegalArgumentException("file meta lacks (0002,0010) Transfer Syntax UID");
        byte[] header = Part10.encodeHeader(fileMeta);
        byte[] data = writeDataset(dataset, tsuid);
        byte[] out = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, out, header.length, data.length);
        return out;
    }

    private void writeElements(Attributes ds) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            if (value instanceof Sequence seq) {
                header(tag, VR.SQ, -1);
                for (Attributes item : seq) {
                    item(0xFFFEE000, -1);
                    writeElements(item);
                    item(0xFFFEE00D, 0);
                }
                item(0xFFFEE0DD, 0);
            } else if (value instanceof Fragments frags) {
                header(tag, frags.vr(), -1);
                for (byte[] f : frags) {
                    item(0xFFFEE000, f.length + (f.length & 1));
                    bytes(f, 0);
                    if ((f.length & 1) != 0) pad(0);
                }
                item(0xFFFEE0DD, 0);
            } else {
                byte[] b = (byte[]) value;
                int len = b.length + (b.length & 1);
                if (explicit && !vr.longHeader() && len > 0xFFFF) {
                    throw new IllegalArgumentException(Tag.toString(tag) + " " + vr + " value of " + len
                            + " bytes exceeds the 65534 an explicit VR 16-bit length allows");
                }
                header(tag, vr, len);
                bytes(b, big ? vr.unitSize() : 0);
                if ((b.length & 1) != 0) pad(vr.padding());
            }
        }
    }

    private void header(int tag, VR vr, int len) {
        ensure(12);
        tag(tag);
        if (!explicit) {
            int32(len);
            return;
        }
        buf[size++] = (byte) (vr.code() >>> 8);
        buf[size++] = (byte) vr.code();
        if (vr.longHeader()) {
            buf[size++] = 0;
            buf[size++] = 0;
            int32(len);
        } else if (big) {
            buf[size++] = (byte) (len >>> 8);
            buf[size++] = (byte) len;
        } else {
            LittleEndian.put16(buf, size, len);
            size += 2;
        }
    }

    private void item(int tag, int len) {
        ensure(8);
        tag(tag);
        int32(len);
    }

    private void tag(int tag) {
        if (big) {
            int32(tag);  // group then element, each big endian == the int big endian
        } else {
            LittleEndian.putTag(buf, size, tag);
            size += 4;
        }
    }

    private void int32(int v) {
        if (big) {
            buf[size] = (byte) (v >>> 24);
            buf[size + 1] = (byte) (v >>> 16);
            buf[size + 2] = (byte) (v >>> 8);
            buf[size + 3] = (byte) v;
        } else {
            LittleEndian.put32(buf, size, v);
        }
        size += 4;
    }

    private void bytes(byte[] b, int swapUnit) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        if (swapUnit > 1) LittleEndian.swap(buf, size, b.length, swapUnit);
        size += b.length;
    }

    private void pad(int padding) {
        ensure(1);
        buf[size++] = (byte) padding;
    }

    private void ensure(int n) {
        if (size + (long) n > buf.length) {
            long cap = Math.max(buf.length * 2L, size + (long) n);
            if (cap > Integer.MAX_VALUE - 16) {
                if (size + (long) n > Integer.MAX_VALUE - 16) throw new IllegalStateException("data set over 2 GiB");
                cap = Integer.MAX_VALUE - 16;
            }
            buf = Arrays.copyOf(buf, (int) cap);
        }
    }
}
