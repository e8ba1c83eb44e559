// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw deflate (RFC 1951, no zlib header) for Deflated Explicit VR Little Endian (PS3.5 A.5):
 * everything after the File Meta Information is deflated.
 */
final class Deflate {
    private Deflate() {}

    /** Largest inflated data set accepted: the largest Java array. */
    static final int MAX_INFLATED = Integer.MAX_VALUE - 16;

    static byte[] inflate(byte[] b, int off, int len, String source) throws DicomParseException {
        Inflater inflater = new Inflater(true);
        try {
            // nowrap mode may need one extra dummy byte after the input (see Inflater javadoc).
            byte[] input = new byte[len + 1];
            System.arraycopy(b, off, input, 0, len);
            inflater.setInput(input);
            byte[] out = new byte[Math.max(1024, Math.min(len, MAX_INFLATED / 4) * 4)];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (out.length == MAX_INFLATED) throw new DicomParseException(source, off, "inflated data set too large");
                    out = java.util.Arrays.copyOf(out, (int) Math.min(MAX_INFLATED, out.length * 2L));
                }
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DicomParseException(source, off + inflater.getTotalIn(),
                            "truncated deflated data set");
                }
                n += k;
            }
            return java.util.Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new DicomParseException(source, off + inflater.getTotalIn(), "bad deflated data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    static byte[] deflate(byte[] b) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(b);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, b.length / 2));
            byte[] buf = new byte[65536];
            while (!deflater.finished()) {
                int k = deflater.deflate(buf);
                out.write(buf, 0, k);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
