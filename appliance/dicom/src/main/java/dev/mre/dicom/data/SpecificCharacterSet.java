// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes SH, LO, ST, LT, UC, UT and PN values per Specific Character Set (0008,0005), PS3.5 6.1.
 * Exists because text must be shown right without ever changing stored bytes: values are kept
 * raw in {@link Attributes} and decoded only when asked.
 *
 * <p>Decodable: the default repertoire, ISO_IR 192 (UTF-8), and the single-byte sets without
 * code extensions (ISO_IR 100, 101, 109, 110, 126, 127, 138, 144, 148, 166, 203) plus GB18030
 * and GBK. Anything else (ISO 2022 code extensions, unknown terms) is "not decodable": values
 * are decoded best effort as Latin-1 and {@link #decodable()} is false, so callers can report it.
 */
public final class SpecificCharacterSet {
    /** The default repertoire (ISO_IR 6); decoded as Latin-1 so that no byte is ever lost. */
    public static final SpecificCharacterSet DEFAULT =
            new SpecificCharacterSet(new String[0], StandardCharsets.ISO_8859_1, true);

    private final String[] terms;
    private final Charset charset;
    private final boolean decodable;

    private SpecificCharacterSet(String[] terms, Charset charset, boolean decodable) {
        this.terms = terms;
        this.charset = charset;
        this.decodable = decodable;
    }

    /** Returns the character set for the values of (0008,0005); null or empty means default. */
    public static SpecificCharacterSet of(String... terms) {
        if (terms == null || terms.length == 0) return DEFAULT;
        String first = terms[0] == null ? "" : terms[0].trim();
        boolean single = terms.length == 1;
        if (!single) {
            // Code extensions: decodable only if every term is the same plain repertoire.
            for (String t : terms) {
                String term = t == null ? "" : t.trim();
                if (!term.isEmpty() && !term.equals("ISO 2022 IR 6") && !term.equals(first)) {
                    return new SpecificCharacterSet(terms, StandardCharsets.ISO_8859_1, false);
                }
            }
        }
        Charset cs = javaCharset(first);
        return cs != null ? new SpecificCharacterSet(terms, cs, true)
                : new SpecificCharacterSet(terms, StandardCharsets.ISO_8859_1, false);
    }

    private static Charset javaCharset(String term) {
        String name;
        switch (term) {
            case "": case "ISO_IR 6": case "ISO 2022 IR 6": return StandardCharsets.ISO_8859_1;
            case "ISO_IR 192": return StandardCharsets.UTF_8;
            case "ISO_IR 100": case "ISO 2022 IR 100": return StandardCharsets.ISO_8859_1;
            case "ISO_IR 101": case "ISO 2022 IR 101": name = "ISO-8859-2"; break;
            case "ISO_IR 109": case "ISO 2022 IR 109": name = "ISO-8859-3"; break;
            case "ISO_IR 110": case "ISO 2022 IR 110": name = "ISO-8859-4"; break;
            case "ISO_IR 144": case "ISO 2022 IR 144": name = "ISO-8859-5"; break;
            case "ISO_IR 127": case "ISO 2022 IR 127": name = "ISO-8859-6"; break;
            case "ISO_IR 126": case "ISO 2022 IR 126": name = "ISO-8859-7"; break;
            case "ISO_IR 138": case "ISO 2022 IR 138": name = "ISO-8859-8"; break;
            case "ISO_IR 148": case "ISO 2022 IR 148": name = "ISO-8859-9"; break;
            case "ISO_IR 203": case "ISO 2022 IR 203": name = "ISO-8859-15"; break;
            case "ISO_IR 166": case "ISO 2022 IR 166": name = "TIS-620"; break;
            case "GB18030": name = "GB18030"; break;
            case "GBK": name = "GBK"; break;
            default: return null;
        }
        return Charset.isSupported(name) ? Charset.forName(name) : null;
    }

    /** False where values cannot be decoded faithfully; they are then shown as Latin-1. */
    public boolean decodable() { return decodable; }

    /** True for the default repertoire or ISO_IR 100/192 (the character sets most data uses). */
    public boolean isDefault() { return terms.length == 0; }

    public Charset charset() { return charset; }

    public String[] terms() { return terms.clone(); }

    public String decode(byte[] b, int off, int len) {
        return new String(b, off, len, charset);
    }

    public byte[] encode(String s) {
        return s.getBytes(charset);
    }

    @Override
    public String toString() {
        return terms.length == 0 ? "ISO_IR 6" : String.join("\\", terms);
    }
}
