// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.ElementDictionary;
import dev.mre.dicom.data.Fragments;
import dev.mre.dicom.data.Sequence;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A dcmdump-like listing for the {@code dump FILE...} command: one line per element with tag,
 * VR, value (strings in brackets, numbers as numbers, binary summarised) and
 * {@code # length, VM keyword}; items and fragments indented two spaces per level.
 *
 * <pre>
 * (0010,0010) PN [Doe^John]                               #   8, 1 PatientName
 * (0008,1140) SQ (Sequence with 1 item)                   #  u/l, 1 ReferencedImageSequence
 *   (FFFE,E000) na (Item with 1 element)
 *     (0008,1150) UI [1.2.840.10008.5.1.4.1.1.4]          #  26, 1 ReferencedSOPClassUID
 * (7FE0,0010) OB (PixelSequence with 2 items)             #  u/l, 1 PixelData
 *   (FFFE,E000) pi (no value)                             #   0, 1 Item
 *   (FFFE,E000) pi FF\D8\FF\E0\00\10...                   # 4242, 1 Item
 * </pre>
 */
public final class DicomDump {
    private DicomDump() {}

    /** Longest value text shown before it is cut with "...". */
    static final int MAX_VALUE_CHARS = 64;
    private static final int COMMENT_COLUMN = 56;

    /** Dumps meta (if any), a transfer syntax line and the data set. */
    public static void dump(DicomFile file, Appendable out) throws IOException {
        if (!file.fileMeta().isEmpty()) {
            out.append("# File Meta Information\n");
            dump(file.fileMeta(), out);
        }
        out.append("# Data Set, transfer syntax ").append(file.transferSyntaxUid())
                .append(" (").append(UID.nameOf(file.transferSyntaxUid())).append(")\n");
        if (!file.dataset().isCharsetDecodable()) {
            out.append("# Specific Character Set ").append(file.dataset().charset().toString())
                    .append(" not decodable: text shown as Latin-1, stored bytes unchanged\n");
        }
        dump(file.dataset(), out);
    }

    public static void dump(Attributes dataset, Appendable out) throws IOException {
        dump(dataset, out, 0);
    }

    /** The dump as a String. */
    public static String toString(DicomFile file) {
        StringBuilder sb = new StringBuilder();
        try {
            dump(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // StringBuilder never throws
        }
        return sb.toString();
    }

    private static void dump(Attributes ds, Appendable out, int level) throws IOException {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            String keyword = keyword(tag);
            if (value instanceof Sequence seq) {
                line(out, level, tag, "SQ", "(Sequence with " + count(seq.size(), "item") + ")", "u/l", 1, keyword);
                for (Attributes item : seq) {
                    line(out, level + 1, 0xFFFEE000, "na", "(Item with " + count(item.size(), "element") + ")",
                            null, 0, "Item");
                    dump(item, out, level + 2);
                }
            } else if (value instanceof Fragments frags) {
                line(out, level, tag, vr.name(), "(PixelSequence with " + count(frags.size(), "item") + ")",
                        "u/l", 1, keyword);
                for (byte[] f : frags) {
                    line(out, level + 1, 0xFFFEE000, "pi", f.length == 0 ? "(no value)" : hex(f),
                            Integer.toString(f.length), 1, "Item");
                }
            } else {
                byte[] b = (byte[]) value;
                String[] strings = vr.isBinary() ? null : ds.getStrings(tag);
                String text;
                int vm;
                if (strings == null) {
                    text = b.length == 0 ? "(no value)" : hex(b);
                    vm = b.length == 0 ? 0 : 1;
                } else if (strings.length == 0) {
                    text = "(no value)";
                    vm = 0;
                } else {
                    text = vr.isString() ? "[" + String.join("\\", strings) + "]" : String.join("\\", strings);
                    vm = strings.length;
                }
                line(out, level, tag, vr.name(), text, Integer.toString(b.length), vm, keyword);
            }
        }
    }

    private static String keyword(int tag) {
        String k = ElementDictionary.keywordOf(tag);
        return k.isEmpty() ? (Tag.isPrivate(tag) ? "PrivateTag" : "UnknownTag") : k;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void line(Appendable out, int level, int tag, String vr, String value, String length,
                             int vm, String keyword) throws IOException {
        StringBuilder sb = new StringBuilder(120);
        for (int k = 0; k < level; k++) sb.append("  ");
        sb.append(Tag.toString(tag)).append(' ').append(vr).append(' ');
        if (value.length() > MAX_VALUE_CHARS) value = value.substring(0, MAX_VALUE_CHARS - 3) + "...";
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            sb.append(c < ' ' ? '.' : c);  // control characters would break the one-line format
        }
        if (length != null) {
            while (sb.length() < COMMENT_COLUMN) sb.append(' ');
            sb.append(" # ");
            for (int k = length.length(); k < 4; k++) sb.append(' ');
            sb.append(length).append(", ").append(vm).append(' ').append(keyword);
        }
        out.append(sb).append('\n');
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(b.length, 16);
        for (int k = 0; k < n; k++) {
            if (k > 0) sb.append('\\');
            sb.append(Character.toUpperCase(Character.forDigit((b[k] >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b[k] & 0xF, 16)));
        }
        if (b.length > n) sb.append("...");
        return sb.toString();
    }
}
