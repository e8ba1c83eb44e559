// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.ElementDictionary;
import dev.mre.dicom.data.Fragments;
import dev.mre.dicom.data.LittleEndian;
import dev.mre.dicom.data.Sequence;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import java.util.Arrays;

/**
 * Parses data set elements from a byte array by index arithmetic, without recursion: nested
 * sequences and items live on an explicit stack of frames, so depth costs heap, not Java stack.
 * Depth is still limited to {@link #MAX_DEPTH} sequence levels (a DicomParseException beyond),
 * so that recursive consumers such as the writer and the dump stay safe.
 *
 * <p>Every length read from the data is checked against the bytes that remain before anything
 * is allocated. Big-endian values are converted to little endian as they are copied (multi-byte
 * numbers, AT, OW, OF, OL, OD, OV); OB, UN, strings and fragments are copied as they are.
 * Undefined-length UN is read as a sequence of Implicit VR Little Endian items (PS3.5 6.2.2).
 * In Implicit VR, "US or SS" elements read as SS once the top level's Pixel Representation
 * (0028,0103), which precedes them, is 1; as US otherwise.
 */
final class DatasetParser {
    /** Deepest sequence nesting accepted; PS3 sets no limit, real data stays below 20. */
    static final int MAX_DEPTH = 2000;

    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_DELIMITER = 0xFFFEE00D;
    private static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;
    private static final int UNDEFINED = -1;
    private static final int PIXEL_REPRESENTATION = 0x00280103;

    private final byte[] b;
    private final String source;
    private final long base;  // offset of b[0] in the source, for messages
    private final String note;  // appended to messages, e.g. that offsets are in inflated data
    private int pos;
    private boolean signedPixels;  // Pixel Representation (0028,0103) of the top level is 1
    /** Binary values longer than this are checked but not kept ({@link #withoutBulkData}). */
    private int bulkLimit = Integer.MAX_VALUE;

    /** One open item or sequence; end is UNDEFINED until a delimiter closes it. */
    private static final class Frame {
        Attributes dataset;   // for an item (or the top level)
        Sequence sequence;    // for a sequence
        long end;
        long bound;           // nearest enclosing defined end
        boolean explicit;
        boolean big;
    }

    DatasetParser(byte[] b, String source, long base, String note) {
        this.b = b;
        this.source = source;
        this.base = base;
        this.note = note;
    }

    /**
     * Binary values (OB, OW, OF, OD, OL, OV, UN) longer than {@code limit} bytes are parsed (their
     * lengths checked like any other) but left out of the result: for a receiver that needs the
     * identifying attributes, not a copy of the pixel data.
     */
    DatasetParser withoutBulkData(int limit) {
        this.bulkLimit = limit;
        return this;
    }

    private static boolean isBulk(VR vr) {
        return vr == VR.OB || vr == VR.OW || vr == VR.OF || vr == VR.OD || vr == VR.OL || vr == VR.OV || vr == VR.UN;
    }

    /** Parses elements from off up to limit into a new data set. */
    Attributes parse(int off, int limit, boolean explicit, boolean big) throws DicomParseException {
        Attributes root = new Attributes();
        parseInto(root, off, limit, explicit, big);
        return root;
    }

    void parseInto(Attributes root, int off, int limit, boolean explicit, boolean big)
            throws DicomParseException {
        pos = off;
        Frame[] stack = new Frame[16];
        int depth = 0;
        stack[0] = frame(root, null, limit, limit, explicit, big);
        int sequences = 0;
        while (depth >= 0) {
            Frame f = stack[depth];
            if (f.end != UNDEFINED && pos >= f.end) {
                if (pos > f.end) throw error(pos, "element overruns the enclosing length ending at " + (base + f.end));
                if (f.sequence != null) sequences--;
                depth--;
                continue;
            }
            need(8, f.bound);
            int tag = f.big ? tagBE(pos) : LittleEndian.tag(b, pos);
            if (f.sequence != null) {
                int len = f.big ? i32BE(pos + 4) : LittleEndian.i32(b, pos + 4);
                if (tag == ITEM) {
                    Attributes item = new Attributes();
                    f.sequence.add(item);
                    long end = UNDEFINED;
                    if (len != UNDEFINED) {
                        checkLength(len, pos, f.bound);
                        end = pos + 8L + len;
                    }
                    pos += 8;
                    if (++depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
                    stack[depth] = frame(item, null, end, end == UNDEFINED ? f.bound : end, f.explicit, f.big);
                } else if (tag == SEQUENCE_DELIMITER && f.end == UNDEFINED) {
                    pos += 8;
                    sequences--;
                    depth--;
                } else {
                    throw error(pos, "expected an Item (FFFE,E000) in sequence but found " + Tag.toString(tag));
                }
                continue;
            }
            if (tag == ITEM_DELIMITER) {
                if (depth == 0 || f.end != UNDEFINED) throw error(pos, "unexpected Item Delimitation Item");
                pos += 8;
                depth--;
                continue;
            }
            if ((tag >>> 16) == 0xFFFE) throw error(pos, "unexpected delimiter " + Tag.toString(tag) + " in data set");
            int start = pos;
            VR vr;
            int len;
            if (f.explicit) {
                vr = VR.of(b[pos + 4], b[pos + 5]);
                if (vr == null) {
                    throw error(pos + 4, "bad VR code 0x" + Integer.toHexString((b[pos + 4] & 0xFF) << 8 | b[pos + 5] & 0xFF)
                            + " for " + Tag.toString(tag));
                }
                if (vr.longHeader()) {
                    need(12, f.bound);
                    len = f.big ? i32BE(pos + 8) : LittleEndian.i32(b, pos + 8);
                    pos += 12;
                } else {
                    len = f.big ? (b[pos + 6] & 0xFF) << 8 | b[pos + 7] & 0xFF : LittleEndian.u16(b, pos + 6);
                    pos += 8;
                }
            } else {
                vr = ElementDictionary.vrOf(tag);
                len = f.big ? i32BE(pos + 4) : LittleEndian.i32(b, pos + 4);
                pos += 8;
            }
            if (len == UNDEFINED) {
                boolean pixels = tag == Tag.PixelData || (f.explicit && (vr == VR.OB || vr == VR.OW));
                if (!pixels) {
                    // SQ; UN of undefined length (implicit VR LE inside); implicit VR undefined length.
                    boolean implicitLE = vr == VR.UN;
                    if (++sequences > MAX_DEPTH) throw error(start, "sequences nested deeper than " + MAX_DEPTH);
                    Sequence seq = (Sequence) f.dataset.newSequence(tag);
                    if (++depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
                    stack[depth] = frame(null, seq, UNDEFINED, f.bound,
                            !implicitLE && f.explicit, !implicitLE && f.big);
                } else {
                    readFragments(f.dataset.newFragments(tag, f.explicit && vr == VR.OW ? VR.OW : VR.OB), f);
                }
                continue;
            }
            if (len < 0 || pos + (long) len > f.bound) {
                throw error(start, "value length " + (len & 0xFFFFFFFFL) + " of " + Tag.toString(tag) + " " + vr
                        + " exceeds the " + Math.max(0, f.bound - pos) + " bytes remaining");
            }
            if (vr == VR.SQ) {
                if (++sequences > MAX_DEPTH) throw error(start, "sequences nested deeper than " + MAX_DEPTH);
                Sequence seq = (Sequence) f.dataset.newSequence(tag);
                if (++depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
                long end = pos + (long) len;
                stack[depth] = frame(null, seq, end, end, f.explicit, f.big);
                continue;
            }
            if ((len & 1) != 0 && f.explicit && !vr.isString() && vr != VR.OB && vr != VR.UN) {
                throw error(start, "odd length " + len + " for " + Tag.toString(tag) + " " + vr);
            }
            if (!f.explicit && vr == VR.US && signedPixels && ElementDictionary.isUSorSS(tag)) vr = VR.SS;
            if (len > bulkLimit && isBulk(vr)) {
                pos += len;
                continue;
            }
            byte[] value = len == 0 ? EMPTY : Arrays.copyOfRange(b, pos, pos + len);
            if (tag == PIXEL_REPRESENTATION && len >= 2 && depth == 0) {
                signedPixels = (f.big ? b[pos + 1] : b[pos]) == 1;
            }
            if (f.big) LittleEndian.swap(value, 0, len, vr.unitSize());
            f.dataset.setValue(tag, vr, value);
            pos += len;
        }
    }

    private void readFragments(Fragments fragments, Frame f) throws DicomParseException {
        while (true) {
            need(8, f.bound);
            int tag = f.big ? tagBE(pos) : LittleEndian.tag(b, pos);
            int len = f.big ? i32BE(pos + 4) : LittleEndian.i32(b, pos + 4);
            if (tag == SEQUENCE_DELIMITER) {
                pos += 8;
                return;
            }
            if (tag != ITEM) throw error(pos, "expected a fragment Item (FFFE,E000) but found " + Tag.toString(tag));
            if (len == UNDEFINED) throw error(pos, "fragment with undefined length");
            checkLength(len, pos, f.bound);
            pos += 8;
            fragments.add(Arrays.copyOfRange(b, pos, pos + len));
            pos += len;
        }
    }

    private static Frame frame(Attributes ds, Sequence seq, long end, long bound, boolean explicit, boolean big) {
        Frame f = new Frame();
        f.dataset = ds;
        f.sequence = seq;
        f.end = end;
        f.bound = bound;
        f.explicit = explicit;
        f.big = big;
        return f;
    }

    private void need(int n, long bound) throws DicomParseException {
        if (pos + (long) n > bound) {
            throw error(pos, "truncated: need " + n + " bytes for an element header but only "
                    + Math.max(0, bound - pos) + " remain");
        }
    }

    /** Checks the length of the item whose 8-byte header starts at item. */
    private void checkLength(int len, int item, long bound) throws DicomParseException {
        if (len < 0 || item + 8L + len > bound) {
            throw error(item, "item length " + (len & 0xFFFFFFFFL) + " exceeds the "
                    + Math.max(0, bound - item - 8) + " bytes remaining");
        }
    }

    DicomParseException error(long at, String problem) {
        return new DicomParseException(source, base + at, note, problem, null);
    }

    private int tagBE(int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    private int i32BE(int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
    }

    private static final byte[] EMPTY = new byte[0];
}
