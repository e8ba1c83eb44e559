// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

/**
 * Reads and writes little-endian numbers in byte arrays by index arithmetic. Exists because all
 * values in {@link Attributes} are held little endian and the parser works on byte[] directly.
 */
public final class LittleEndian {
    private LittleEndian() {}

    public static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    public static int i32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
    }

    public static long i64(byte[] b, int i) {
        return (i32(b, i) & 0xFFFFFFFFL) | (long) i32(b, i + 4) << 32;
    }

    /** A tag stored as group then element, each 16-bit little endian (PS3.5 7.1). */
    public static int tag(byte[] b, int i) {
        return u16(b, i) << 16 | u16(b, i + 2);
    }

    public static void put16(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
    }

    public static void put32(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
        b[i + 3] = (byte) (v >>> 24);
    }

    public static void put64(byte[] b, int i, long v) {
        put32(b, i, (int) v);
        put32(b, i + 4, (int) (v >>> 32));
    }

    public static void putTag(byte[] b, int i, int tag) {
        put16(b, i, tag >>> 16);
        put16(b, i + 2, tag);
    }

    /** Reverses each unitSize-byte unit in place (big to little endian or back). */
    public static void swap(byte[] b, int off, int len, int unitSize) {
        if (unitSize < 2) return;
        int end = off + len - len % unitSize;
        for (int i = off; i < end; i += unitSize) {
            for (int lo = i, hi = i + unitSize - 1; lo < hi; lo++, hi--) {
                byte t = b[lo];
                b[lo] = b[hi];
                b[hi] = t;
            }
        }
    }
}
