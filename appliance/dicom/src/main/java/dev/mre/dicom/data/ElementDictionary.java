// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The standard data element dictionary (PS3.6): tag to VR, VM and keyword. Exists because
 * Implicit VR transfer syntaxes do not carry the VR, and a dump wants keywords. Loaded once from
 * the generated resource {@code elements.tsv} (see {@code src/dict/generate_dictionary.py}).
 *
 * <p>Ambiguous VRs are resolved for Implicit VR reading as follows: "OB or OW", "US or OW" and
 * "US or SS or OW" read as OW; "US or SS" reads as US here, and the reader makes it SS where
 * Pixel Representation is 1 (see {@link #isUSorSS}). The bytes are kept either way.
 * Group length tags are UL, private creators LO, other unknown tags UN.
 */
public final class ElementDictionary {
    private static final ElementDictionary STANDARD = load();

    private final int[] tags;
    private final String[][] entries;  // {vr as in PS3.6, vm, keyword}
    private final VR[] vrs;
    private final int[] masks;
    private final int[] maskValues;
    private final String[][] maskEntries;
    private final VR[] maskVrs;

    private ElementDictionary(List<String[]> exact, List<String[]> repeating) {
        exact.sort(Comparator.comparingInt(row -> (int) Long.parseLong(row[0], 16)));  // signed order
        tags = new int[exact.size()];
        entries = new String[exact.size()][];
        vrs = new VR[exact.size()];
        for (int i = 0; i < tags.length; i++) {
            String[] row = exact.get(i);
            tags[i] = (int) Long.parseLong(row[0], 16);
            entries[i] = row;
            vrs[i] = resolve(row[1]);
        }
        masks = new int[repeating.size()];
        maskValues = new int[repeating.size()];
        maskEntries = new String[repeating.size()][];
        maskVrs = new VR[repeating.size()];
        for (int i = 0; i < masks.length; i++) {
            String[] row = repeating.get(i);
            String hex = row[0];
            int mask = 0;
            int value = 0;
            for (int c = 0; c < 8; c++) {
                char ch = hex.charAt(c);
                mask <<= 4;
                value <<= 4;
                if (ch != 'x') {
                    mask |= 0xF;
                    value |= Character.digit(ch, 16);
                }
            }
            masks[i] = mask;
            maskValues[i] = value;
            maskEntries[i] = row;
            maskVrs[i] = resolve(row[1]);
        }
    }

    public static ElementDictionary standard() { return STANDARD; }

    /** Number of entries, exact tags plus repeating-group masks. */
    public int size() { return tags.length + masks.length; }

    /** The VR to use when none is encoded: the dictionary's, else UL/LO/UN as documented above. */
    public static VR vrOf(int tag) { return STANDARD.vr(tag); }

    /** The keyword, e.g. "PatientName", or "" for unknown and private tags. */
    public static String keywordOf(int tag) {
        String[] e = STANDARD.entry(tag);
        if (e != null) return e[3];
        if (Tag.isGroupLength(tag)) return "GroupLength";
        if (Tag.isPrivateCreator(tag)) return "PrivateCreator";
        return "";
    }

    /** The value multiplicity as written in PS3.6, e.g. "1-n", or "" if unknown. */
    public static String vmOf(int tag) {
        String[] e = STANDARD.entry(tag);
        return e != null ? e[2] : "";
    }

    /** The VR exactly as PS3.6 lists it, e.g. "US or SS", or null if unknown. */
    public static String listedVR(int tag) {
        String[] e = STANDARD.entry(tag);
        return e != null ? e[1] : null;
    }

    /**
     * True where PS3.6 lists "US or SS": the VR then depends on Pixel Representation (0028,0103),
     * SS when it is 1 (two's complement), so Implicit VR readers pick per data set.
     */
    public static boolean isUSorSS(int tag) {
        String listed = listedVR(tag);
        return listed != null && listed.equals("US or SS");
    }

    VR vr(int tag) {
        if (Tag.isPrivate(tag)) {
            if (Tag.isGroupLength(tag)) return VR.UL;
            if (Tag.isPrivateCreator(tag)) return VR.LO;
            return VR.UN;
        }
        int i = Arrays.binarySearch(tags, tag);
        if (i >= 0) return vrs[i];
        for (int m = 0; m < masks.length; m++) {
            if ((tag & masks[m]) == maskValues[m]) return maskVrs[m];
        }
        return Tag.isGroupLength(tag) ? VR.UL : VR.UN;
    }

    String[] entry(int tag) {
        if (Tag.isPrivate(tag)) return null;
        int i = Arrays.binarySearch(tags, tag);
        if (i >= 0) return entries[i];
        for (int m = 0; m < masks.length; m++) {
            if ((tag & masks[m]) == maskValues[m]) return maskEntries[m];
        }
        return null;
    }

    static VR resolve(String listed) {
        if (listed.length() == 2) return VR.valueOf(listed);
        return listed.contains("OW") ? VR.OW : VR.valueOf(listed.substring(0, 2));
    }

    private static ElementDictionary load() {
        List<String[]> exact = new ArrayList<>();
        List<String[]> repeating = new ArrayList<>();
        try (InputStream in = ElementDictionary.class.getResourceAsStream("elements.tsv")) {
            if (in == null) throw new IllegalStateException("resource elements.tsv missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') continue;
                String[] row = line.split("\t", -1);
                (row[0].indexOf('x') >= 0 ? repeating : exact).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ElementDictionary(exact, repeating);
    }
}
