// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Converts between raw little-endian value bytes and strings or numbers, per VR. */
final class Values {
    private Values() {}

    static final String[] NONE = new String[0];

    static String[] strings(VR vr, byte[] v, SpecificCharacterSet cs) {
        if (v.length == 0) return NONE;
        switch (vr.kind()) {
            case STRING: return split(vr, new String(v, StandardCharsets.ISO_8859_1));
            case TEXT_MULTI: return split(vr, cs.decode(v, 0, v.length));
            case TEXT: return new String[] {trimTrailing(cs.decode(v, 0, v.length))};
            case INT: case LONG: case FLOAT: case DOUBLE: case TAG: {
                int unit = vr.unitSize() == 2 && vr == VR.AT ? 4 : vr.unitSize();
                String[] out = new String[v.length / unit];
                for (int i = 0; i < out.length; i++) out[i] = numberString(vr, v, i * unit);
                return out;
            }
            default: return null;
        }
    }

    static String numberString(VR vr, byte[] v, int i) {
        switch (vr) {
            case US: return Integer.toString(LittleEndian.u16(v, i));
            case SS: return Integer.toString((short) LittleEndian.u16(v, i));
            case UL: return Integer.toUnsignedString(LittleEndian.i32(v, i));
            case SL: return Integer.toString(LittleEndian.i32(v, i));
            case SV: return Long.toString(LittleEndian.i64(v, i));
            case UV: return Long.toUnsignedString(LittleEndian.i64(v, i));
            case FL: return Float.toString(Float.intBitsToFloat(LittleEndian.i32(v, i)));
            case FD: return Double.toString(Double.longBitsToDouble(LittleEndian.i64(v, i)));
            case AT: return String.format("%08X", LittleEndian.tag(v, i));
            default: throw new IllegalArgumentException(vr.name());
        }
    }

    private static String[] split(VR vr, String s) {
        List<String> parts = null;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                if (parts == null) parts = new ArrayList<>();
                parts.add(trim(vr, s.substring(start, i)));
                start = i + 1;
            }
        }
        String last = trim(vr, s.substring(start));
        if (parts == null) return new String[] {last};
        parts.add(last);
        return parts.toArray(NONE);
    }

    private static String trim(VR vr, String s) {
        s = trimTrailing(s);
        if (vr.kind() != VR.Kind.STRING && vr != VR.SH && vr != VR.LO) return s;
        int b = 0;
        while (b < s.length() && s.charAt(b) == ' ') b++;
        return s.substring(b);
    }

    static String trimTrailing(String s) {
        int e = s.length();
        while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\0')) e--;
        return s.substring(0, e);
    }

    static byte[] encode(VR vr, String[] values, SpecificCharacterSet cs) {
        switch (vr.kind()) {
            case STRING: case TEXT_MULTI: case TEXT: {
                String joined = String.join("\\", values);
                byte[] b = vr.kind() == VR.Kind.STRING
                        ? joined.getBytes(StandardCharsets.ISO_8859_1) : cs.encode(joined);
                return padded(b, vr.padding());
            }
            case INT: case LONG: case FLOAT: case DOUBLE: case TAG: {
                int unit = vr == VR.AT ? 4 : vr.unitSize();
                byte[] b = new byte[unit * values.length];
                for (int i = 0; i < values.length; i++) putNumber(vr, b, i * unit, values[i].trim());
                return b;
            }
            default: throw new IllegalArgumentException("cannot set strings with VR " + vr);
        }
    }

    private static void putNumber(VR vr, byte[] b, int i, String s) {
        switch (vr) {
            case US: case SS: LittleEndian.put16(b, i, Integer.parseInt(s)); break;
            case UL: LittleEndian.put32(b, i, (int) Long.parseLong(s)); break;
            case SL: LittleEndian.put32(b, i, Integer.parseInt(s)); break;
            case SV: LittleEndian.put64(b, i, Long.parseLong(s)); break;
            case UV: LittleEndian.put64(b, i, Long.parseUnsignedLong(s)); break;
            case FL: LittleEndian.put32(b, i, Float.floatToRawIntBits(Float.parseFloat(s))); break;
            case FD: LittleEndian.put64(b, i, Double.doubleToRawLongBits(Double.parseDouble(s))); break;
            case AT: LittleEndian.putTag(b, i, (int) Long.parseLong(s, 16)); break;
            default: throw new IllegalArgumentException(vr.name());
        }
    }

    static byte[] encode(VR vr, long[] values) {
        if (vr.isString()) {
            String[] s = new String[values.length];
            for (int i = 0; i < s.length; i++) s[i] = Long.toString(values[i]);
            return encode(vr, s, SpecificCharacterSet.DEFAULT);
        }
        int unit = vr == VR.AT ? 4 : vr.unitSize();
        if (unit == 0 || vr.isBinary() && vr != VR.OW && vr != VR.OL && vr != VR.OV) {
            throw new IllegalArgumentException("cannot set numbers with VR " + vr);
        }
        byte[] b = new byte[unit * values.length];
        for (int i = 0; i < values.length; i++) {
            long x = values[i];
            int at = i * unit;
            switch (vr) {
                case FL: LittleEndian.put32(b, at, Float.floatToRawIntBits(x)); break;
                case FD: LittleEndian.put64(b, at, Double.doubleToRawLongBits(x)); break;
                case AT: LittleEndian.putTag(b, at, (int) x); break;
                default:
                    if (unit == 2) LittleEndian.put16(b, at, (int) x);
                    else if (unit == 4) LittleEndian.put32(b, at, (int) x);
                    else LittleEndian.put64(b, at, x);
            }
        }
        return b;
    }

    static byte[] padded(byte[] b, byte padding) {
        if ((b.length & 1) == 0) return b;
        byte[] p = java.util.Arrays.copyOf(b, b.length + 1);
        p[b.length] = padding;
        return p;
    }

    /** The first value as a long, or null-equivalent handled by the caller for empty values. */
    static long firstLong(VR vr, byte[] v) {
        switch (vr) {
            case US: case OW: return LittleEndian.u16(v, 0);
            case SS: return (short) LittleEndian.u16(v, 0);
            case UL: case OL: return LittleEndian.i32(v, 0) & 0xFFFFFFFFL;
            case SL: return LittleEndian.i32(v, 0);
            case SV: case UV: case OV: return LittleEndian.i64(v, 0);
            case FL: return (long) Float.intBitsToFloat(LittleEndian.i32(v, 0));
            case FD: return (long) Double.longBitsToDouble(LittleEndian.i64(v, 0));
            case AT: return LittleEndian.tag(v, 0) & 0xFFFFFFFFL;
            case IS: return Long.parseLong(strings(vr, v, SpecificCharacterSet.DEFAULT)[0]);
            case DS: return (long) Double.parseDouble(strings(vr, v, SpecificCharacterSet.DEFAULT)[0]);
            default: throw new NumberFormatException("VR " + vr + " has no numeric value");
        }
    }

    static int minLength(VR vr) {
        return switch (vr) {
            case US, SS, OW -> 2;
            case UL, SL, FL, AT, OL, OF -> 4;
            case SV, UV, FD, OV, OD -> 8;
            default -> 1;
        };
    }
}
