// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

/**
 * The DICOM value representations (PS3.5 6.2). Exists so that the reader, writer and dump know,
 * per element, how a value is encoded: its explicit-VR header form, its padding byte and, for
 * byte swapping (big endian), the size of one numeric unit.
 */
public enum VR {
    AE(Kind.STRING, false, ' ', 0), AS(Kind.STRING, false, ' ', 0), AT(Kind.TAG, false, 0, 2),
    CS(Kind.STRING, false, ' ', 0), DA(Kind.STRING, false, ' ', 0), DS(Kind.STRING, false, ' ', 0),
    DT(Kind.STRING, false, ' ', 0), FL(Kind.FLOAT, false, 0, 4), FD(Kind.DOUBLE, false, 0, 8),
    IS(Kind.STRING, false, ' ', 0), LO(Kind.TEXT_MULTI, false, ' ', 0), LT(Kind.TEXT, false, ' ', 0),
    OB(Kind.BINARY, true, 0, 1), OD(Kind.BINARY, true, 0, 8), OF(Kind.BINARY, true, 0, 4),
    OL(Kind.BINARY, true, 0, 4), OV(Kind.BINARY, true, 0, 8), OW(Kind.BINARY, true, 0, 2),
    PN(Kind.TEXT_MULTI, false, ' ', 0), SH(Kind.TEXT_MULTI, false, ' ', 0), SL(Kind.INT, false, 0, 4),
    SQ(Kind.SEQUENCE, true, 0, 0), SS(Kind.INT, false, 0, 2), ST(Kind.TEXT, false, ' ', 0),
    SV(Kind.LONG, true, 0, 8), TM(Kind.STRING, false, ' ', 0), UC(Kind.TEXT_MULTI, true, ' ', 0),
    UI(Kind.STRING, false, 0, 0), UL(Kind.INT, false, 0, 4), UN(Kind.BINARY, true, 0, 1),
    UR(Kind.TEXT, true, ' ', 0), US(Kind.INT, false, 0, 2), UT(Kind.TEXT, true, ' ', 0),
    UV(Kind.LONG, true, 0, 8);

    /** How values of a VR are interpreted. */
    public enum Kind {
        /** Backslash-separated ASCII strings (default repertoire only). */
        STRING,
        /** Backslash-separated strings decoded with the Specific Character Set. */
        TEXT_MULTI,
        /** A single string, decoded with the Specific Character Set, backslash is not a separator. */
        TEXT,
        INT, LONG, FLOAT, DOUBLE, TAG, BINARY, SEQUENCE
    }

    private final Kind kind;
    private final boolean longHeader;
    private final byte padding;
    private final int unitSize;
    private final int code;

    VR(Kind kind, boolean longHeader, int padding, int unitSize) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.padding = (byte) padding;
        this.unitSize = unitSize;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    public Kind kind() { return kind; }

    /** True where explicit VR encodes 2 reserved bytes and a 32-bit length (PS3.5 7.1.2). */
    public boolean longHeader() { return longHeader; }

    /** Byte used to pad values to even length: space for strings, NUL for UI and binary. */
    public byte padding() { return padding; }

    /** Bytes per numeric unit to swap between big and little endian; 0 or 1 means none. */
    public int unitSize() { return unitSize; }

    /** The two ASCII characters as a 16-bit big-endian number, as they appear on the wire. */
    public int code() { return code; }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT_MULTI || kind == Kind.TEXT;
    }

    public boolean isBinary() { return kind == Kind.BINARY; }

    private static final VR[] BY_CODE = new VR[1 << 16];

    static {
        for (VR vr : values()) BY_CODE[vr.code] = vr;
    }

    /** Returns the VR for two ASCII bytes, or null if they name none. */
    public static VR of(int b0, int b1) {
        return BY_CODE[((b0 & 0xFF) << 8) | (b1 & 0xFF)];
    }
}
