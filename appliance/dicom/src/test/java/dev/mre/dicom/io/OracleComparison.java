// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.ElementDictionary;
import dev.mre.dicom.data.Fragments;
import dev.mre.dicom.data.LittleEndian;
import dev.mre.dicom.data.Sequence;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.VR;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares our {@link Attributes} with pydicom's JSON (see pydicom_oracle.py), element by element,
 * sequences recursively. Legitimate differences are accepted only in the cases written below,
 * each of which still compares the value bytes exactly.
 */
final class OracleComparison {
    final List<String> mismatches = new ArrayList<>();
    int elements;
    int rawComparisons;
    private final String file;
    private final boolean implicitVR;

    OracleComparison(String file, boolean implicitVR) {
        this.file = file;
        this.implicitVR = implicitVR;
    }

    void compare(String path, Attributes ours, JsonArray theirs) {
        int n = Math.max(ours.size(), theirs.size());
        for (int i = 0; i < n; i++) {
            if (i >= ours.size() || i >= theirs.size()) {
                fail(path, "element count: ours " + ours.size() + ", pydicom " + theirs.size());
                return;
            }
            JsonObject e = theirs.getJsonObject(i);
            int tag = e.getLong("tag").intValue();
            String where = path + Tag.toString(tag);
            if (ours.tagAt(i) != tag) {
                fail(where, "tag differs: ours " + Tag.toString(ours.tagAt(i)));
                return;
            }
            elements++;
            compareElement(where, ours, i, e);
        }
    }

    private void compareElement(String where, Attributes ours, int i, JsonObject e) {
        VR vr = ours.vrAt(i);
        String theirVR = e.getString("vr");
        Object value = ours.valueAt(i);
        JsonObject raw = e.getJsonObject("raw");
        if (!vr.name().equals(theirVR)) {
            String reason = differenceReason(ours.tagAt(i), vr, theirVR, raw);
            if (reason == null) {
                fail(where, "VR differs: ours " + vr + ", pydicom " + theirVR);
                return;
            }
            // Same element, differently typed: the stored bytes must still be identical.
            if (value instanceof Sequence seq && e.containsKey("items")) {
                compareItems(where, seq, e.getJsonArray("items"));
            } else if (raw != null && value instanceof byte[] b) {
                rawComparisons++;
                if (!sha256(b).equals(raw.getString("sha256"))) fail(where, "raw bytes differ (" + reason + ")");
            } else {
                fail(where, "VR differs (" + reason + ") and no raw bytes to compare");
            }
            return;
        }
        if (value instanceof Sequence seq) {
            compareItems(where, seq, e.getJsonArray("items"));
        } else if (value instanceof Fragments f) {
            expectEqual(where, sha256(encapsulated(f)), e.getString("value"));
        } else {
            compareValue(where, ours, i, (byte[]) value, e, raw);
        }
    }

    /**
     * Why our VR may legitimately differ from pydicom's, or null if it may not:
     * 1. pydicom replaces UN by the dictionary VR (config.replace_un_with_known_vr); we keep UN
     *    as encoded, unchanged, like dcm4che.
     * 2. Implicit VR with an ambiguous dictionary VR ("US or SS", "OB or OW", ...): pydicom infers
     *    from Pixel Representation / Bits Allocated; we take a fixed choice (US, OW).
     * 3. Private tags in implicit VR: pydicom has a private dictionary; we read them as UN.
     */
    private String differenceReason(int tag, VR ours, String theirs, JsonObject raw) {
        if (ours == VR.UN && raw != null && "UN".equals(raw.getString("vr"))) return "pydicom replaced UN";
        String listed = ElementDictionary.listedVR(tag);
        boolean wasImplicit = raw != null && raw.getValue("vr") == null;
        if ((implicitVR || wasImplicit) && listed != null && listed.contains(" or ") && listed.contains(theirs)) {
            return "ambiguous VR " + listed + " in implicit VR";
        }
        if (ours == VR.UN && Tag.isPrivate(tag) && (raw == null || raw.getString("vr") == null)) {
            return "private tag in implicit VR";
        }
        return null;
    }

    private void compareItems(String where, Sequence seq, JsonArray items) {
        if (seq.size() != items.size()) {
            fail(where, "item count: ours " + seq.size() + ", pydicom " + items.size());
            return;
        }
        for (int k = 0; k < seq.size(); k++) compare(where + "[" + k + "]", seq.get(k), items.getJsonArray(k));
    }

    private void compareValue(String where, Attributes ours, int i, byte[] b, JsonObject e, JsonObject raw) {
        VR vr = ours.vrAt(i);
        Object theirs = e.getValue("value");
        switch (vr.kind()) {
            case STRING, TEXT_MULTI, TEXT -> {
                if (vr.kind() != VR.Kind.STRING && !ours.isCharsetDecodable()) {
                    // Character sets we do not decode (ISO 2022 code extensions): bytes kept raw.
                    rawComparisons++;
                    if (raw == null) fail(where, "undecodable charset and no raw bytes to compare");
                    else expectEqual(where, sha256(b), raw.getString("sha256"));
                    return;
                }
                List<String> mine = normalise(ours.getStrings(ours.tagAt(i)));
                if (vr == VR.PN) {
                    // pydicom's PersonName drops empty trailing component groups ("A^B=" -> "A^B");
                    // we return the value as stored.
                    mine.replaceAll(OracleComparison::dropTrailingEquals);
                }
                expectEqual(where, mine, normalise((JsonArray) theirs));
            }
            case INT, LONG, TAG -> {
                String[] s = ours.getStrings(ours.tagAt(i));
                List<String> mine = new ArrayList<>();
                for (String x : s) mine.add(vr == VR.AT ? Long.toString(Long.parseLong(x, 16)) : x);
                List<String> their = new ArrayList<>();
                for (Object o : (JsonArray) theirs) their.add(o.toString());
                expectEqual(where, mine, their);
            }
            case FLOAT, DOUBLE -> {
                String[] s = ours.getStrings(ours.tagAt(i));
                List<String> mine = new ArrayList<>();
                for (String x : s) mine.add(canonical(vr == VR.FL ? Float.parseFloat(x) : Double.parseDouble(x)));
                List<String> their = new ArrayList<>();
                for (Object o : (JsonArray) theirs) {
                    their.add(o instanceof String t ? canonical(Double.parseDouble(t.replace("inf", "Infinity")
                            .replace("nan", "NaN"))) : canonical(((Number) o).doubleValue()));
                }
                expectEqual(where, mine, their);
            }
            default -> expectEqual(where, sha256(b), theirs);
        }
    }

    private static String dropTrailingEquals(String pn) {
        int e = pn.length();
        while (e > 0 && pn.charAt(e - 1) == '=') e--;
        return pn.substring(0, e);
    }

    private static String canonical(double d) {
        return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? Double.toString(d) : new BigDecimal(d).toString();
    }

    /** Values compared after stripping spaces and NULs at both ends (padding, insignificant). */
    private static List<String> normalise(String[] values) {
        List<String> out = new ArrayList<>();
        if (values != null) for (String v : values) out.add(v.strip().replace("\0", ""));
        trimEmptyTail(out);
        return out;
    }

    private static List<String> normalise(JsonArray values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) out.add(v.toString().strip().replace("\0", ""));
        trimEmptyTail(out);
        return out;
    }

    private static void trimEmptyTail(List<String> out) {
        if (out.size() == 1 && out.get(0).isEmpty()) out.clear();
    }

    private static byte[] encapsulated(Fragments f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[8];
        for (byte[] fragment : f) {
            LittleEndian.putTag(header, 0, 0xFFFEE000);
            LittleEndian.put32(header, 4, fragment.length);
            out.writeBytes(header);
            out.writeBytes(fragment);
        }
        return out.toByteArray();
    }

    private void expectEqual(String where, Object ours, Object theirs) {
        if (!ours.equals(theirs)) fail(where, "value differs: ours " + ours + ", pydicom " + theirs);
    }

    private void fail(String where, String what) {
        mismatches.add(file + " " + where + ": " + what);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
