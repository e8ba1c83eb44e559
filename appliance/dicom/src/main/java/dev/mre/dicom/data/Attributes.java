// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import java.util.Arrays;
import java.util.List;

/**
 * One data set or sequence item: elements kept sorted by tag in parallel arrays. Exists as the
 * single in-memory form of DICOM data for every layer. Values are held raw and little endian:
 * {@code byte[]} for ordinary elements (strings undecoded, so unknown character sets and
 * private data survive unchanged), {@link Sequence} for SQ, {@link Fragments} for encapsulated
 * pixel data. Strings are decoded on demand with the {@link #charset() Specific Character Set},
 * which items inherit from their parent. Not thread safe.
 */
public final class Attributes {
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    private Attributes parent;
    private SpecificCharacterSet charset;  // cached; null = not yet resolved

    public Attributes() {
        this(16);
    }

    public Attributes(int capacity) {
        tags = new int[Math.max(capacity, 4)];
        vrs = new VR[tags.length];
        values = new Object[tags.length];
    }

    void setParent(Attributes parent) {
        this.parent = parent;
        this.charset = null;
    }

    /** The data set this item belongs to, or null for a top-level data set. */
    public Attributes parent() { return parent; }

    public int size() { return size; }

    public boolean isEmpty() { return size == 0; }

    public boolean contains(int tag) { return indexOf(tag) >= 0; }

    /**
     * Index of tag, or (-(insertion point) - 1) as {@link Arrays#binarySearch}. Tags are ordered
     * as unsigned numbers, so (FFFC,FFFC) sorts after (7FE0,0010).
     */
    public int indexOf(int tag) {
        int hi = size - 1;
        if (hi >= 0) {
            int last = tags[hi];
            if (last == tag) return hi;
            if (Integer.compareUnsigned(last, tag) < 0) return -size - 1;  // appending: the parser's case
        }
        int lo = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -lo - 1;
    }

    public int tagAt(int index) { return tags[index]; }

    public VR vrAt(int index) { return vrs[index]; }

    /** The raw value: byte[], {@link Sequence} or {@link Fragments}. */
    public Object valueAt(int index) { return values[index]; }

    public VR getVR(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    /** Raw value bytes (little endian), null if absent or not a byte value. Not a copy. */
    public byte[] getBytes(int tag) {
        return getValue(tag) instanceof byte[] b ? b : null;
    }

    public String getString(int tag) {
        return getString(tag, null);
    }

    /** First value, padding removed; the default if absent, empty or binary. */
    public String getString(int tag, String defaultValue) {
        String[] s = getStrings(tag);
        return s == null || s.length == 0 ? defaultValue : s[0];
    }

    /** All values as strings (numbers formatted), null if absent, binary or a sequence. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) return null;
        return Values.strings(vrs[i], b, charset());
    }

    public int getInt(int tag, int defaultValue) {
        return (int) getLong(tag, defaultValue);
    }

    /** First value as a number (IS and DS parsed); the default if absent or empty. */
    public long getLong(int tag, long defaultValue) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b) || b.length < Values.minLength(vrs[i])) {
            return defaultValue;
        }
        if (vrs[i].isString() && Values.strings(vrs[i], b, charset()).length == 0) return defaultValue;
        return Values.firstLong(vrs[i], b);
    }

    /** All values as ints, for US, SS, UL, SL, IS, DS, AT and friends; null if absent. */
    public int[] getInts(int tag) {
        String[] s = getStrings(tag);
        if (s == null) return null;
        VR vr = getVR(tag);
        int[] out = new int[s.length];
        for (int k = 0; k < s.length; k++) {
            out[k] = vr == VR.DS ? (int) Double.parseDouble(s[k])
                    : (int) Long.parseLong(s[k], vr == VR.AT ? 16 : 10);  // AT: tags as hex
        }
        return out;
    }

    /** First value as a double (FL, FD, DS, IS and integer VRs); the default if absent. */
    public double getDouble(int tag, double defaultValue) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? defaultValue : Double.parseDouble(s);
    }

    public List<Attributes> getSequence(int tag) {
        return getValue(tag) instanceof Sequence s ? s : null;
    }

    public Fragments getFragments(int tag) {
        return getValue(tag) instanceof Fragments f ? f : null;
    }

    /** The character set of this data set's text: its own (0008,0005), else the parent's. */
    public SpecificCharacterSet charset() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0 && values[i] instanceof byte[] b) {
                cs = SpecificCharacterSet.of(Values.strings(VR.CS, b, SpecificCharacterSet.DEFAULT));
            } else {
                cs = parent != null ? parent.charset() : SpecificCharacterSet.DEFAULT;
            }
            charset = cs;
        }
        return cs;
    }

    /** False when text values use a character set we cannot decode (kept raw, shown Latin-1). */
    public boolean isCharsetDecodable() {
        return charset().decodable();
    }

    public Attributes setString(int tag, VR vr, String... values) {
        return setValue(tag, vr, Values.encode(vr, values, charset()));
    }

    public Attributes setInt(int tag, VR vr, int... values) {
        long[] l = new long[values.length];
        for (int i = 0; i < l.length; i++) l[i] = vr == VR.UL || vr == VR.UV ? values[i] & 0xFFFFFFFFL : values[i];
        return setValue(tag, vr, Values.encode(vr, l));
    }

    public Attributes setLong(int tag, VR vr, long... values) {
        return setValue(tag, vr, Values.encode(vr, values));
    }

    public Attributes setDouble(int tag, VR vr, double... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < s.length; i++) s[i] = vr == VR.FL ? Float.toString((float) values[i]) : Double.toString(values[i]);
        return setString(tag, vr, s);
    }

    /** Stores the bytes as given (not copied), little endian; odd lengths are padded on write. */
    public Attributes setBytes(int tag, VR vr, byte[] value) {
        return setValue(tag, vr, value);
    }

    public List<Attributes> newSequence(int tag) {
        Sequence s = new Sequence(this);
        setValue(tag, VR.SQ, s);
        return s;
    }

    public Fragments newFragments(int tag, VR vr) {
        Fragments f = new Fragments(vr);
        setValue(tag, vr, f);
        return f;
    }

    /** Sets a raw value: byte[] (little endian), {@link Sequence} or {@link Fragments}. */
    public Attributes setValue(int tag, VR vr, Object value) {
        if (value == null) value = ByteArrays.EMPTY;
        if (!(value instanceof byte[] || value instanceof Sequence || value instanceof Fragments)) {
            throw new IllegalArgumentException("unsupported value type " + value.getClass());
        }
        if (tag == Tag.SpecificCharacterSet) resetCharset();
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            return this;
        }
        insert(-i - 1, tag, vr, value);
        return this;
    }

    private void resetCharset() {
        charset = null;
        for (int k = 0; k < size; k++) {
            if (values[k] instanceof Sequence s) for (Attributes item : s) item.resetCharset();
        }
    }

    private void insert(int at, int tag, VR vr, Object value) {
        if (size == tags.length) {
            int n = size * 2;
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) return false;
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        if (tag == Tag.SpecificCharacterSet) resetCharset();
        return true;
    }

    /** Copies all elements of other into this (values shared, sequences re-parented). */
    public Attributes addAll(Attributes other) {
        for (int k = 0; k < other.size; k++) {
            Object v = other.values[k];
            if (v instanceof Sequence s) {
                List<Attributes> copy = newSequence(other.tags[k]);
                copy.addAll(s);
            } else {
                setValue(other.tags[k], other.vrs[k], v);
            }
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Attributes a) || a.size != size) return false;
        for (int k = 0; k < size; k++) {
            if (tags[k] != a.tags[k] || vrs[k] != a.vrs[k]) return false;
            Object x = values[k];
            Object y = a.values[k];
            boolean same = x instanceof byte[] bx && y instanceof byte[] by
                    ? Arrays.equals(bx, by) : x.equals(y);
            if (!same) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(Arrays.copyOf(tags, size));
    }

    @Override
    public String toString() {
        return "Attributes[" + size + " elements]";
    }
}
