// SPDX-License-Identifier: Apache-2.0
package dev.mre.inference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy .npy array (format versions 1-3) of float32 ({@code <f4}) or uint8 ({@code |u1}), C
 * order, as the training code's parity fixtures store them. Exists so the inference module reads
 * fixtures without depending on any other project module. Exactly one of {@code floats} and
 * {@code bytes} is non-null.
 *
 * @param shape  dimensions, outermost first
 * @param floats float32 values in C order, or null
 * @param bytes  uint8 values in C order, or null
 */
public record NpyArray(int[] shape, float[] floats, byte[] bytes) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** Number of elements. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Reads a file; {@link IOException} names the file and what is unsupported. */
    public static NpyArray read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC)) {
            throw new IOException(file + " is not a .npy file (no \\x93NUMPY magic)");
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int major = b[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            headerLen = bb.getInt(8);
            start = 12;
        } else {
            throw new IOException(file + ": .npy format version " + major + " is not supported");
        }
        if (start + headerLen > b.length) {
            throw new IOException(file + ": truncated header");
        }
        String header = new String(b, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = find(DESCR, header, file, "descr");
        if (!find(ORDER, header, file, "fortran_order").equals("False")) {
            throw new IOException(file + ": Fortran-order arrays are not supported; save with C order");
        }
        int[] shape = shape(find(SHAPE, header, file, "shape"), file);
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        int data = start + headerLen;
        switch (descr) {
            case "<f4" -> {
                if (b.length - data < 4L * n) {
                    throw new IOException(file + ": " + (b.length - data) + " data bytes for " + n + " float32 values");
                }
                float[] f = new float[n];
                bb.position(data);
                bb.asFloatBuffer().get(f);
                return new NpyArray(shape, f, null);
            }
            case "|u1", "<u1" -> {
                if (b.length - data < n) {
                    throw new IOException(file + ": " + (b.length - data) + " data bytes for " + n + " uint8 values");
                }
                return new NpyArray(shape, null, Arrays.copyOfRange(b, data, data + n));
            }
            default -> throw new IOException(file + ": dtype '" + descr + "' is not supported; expected float32"
                    + " little endian ('<f4') or uint8 ('|u1')");
        }
    }

    private static String find(Pattern p, String header, Path file, String what) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": header has no '" + what + "': " + header.trim());
        }
        return m.group(1);
    }

    private static int[] shape(String s, Path file) throws IOException {
        String t = s.trim();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split(",");
        int count = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        int[] shape = new int[count];
        try {
            for (int k = 0; k < count; k++) {
                shape[k] = Integer.parseInt(parts[k].trim());
            }
        } catch (NumberFormatException e) {
            throw new IOException(file + ": bad shape (" + s + ")", e);
        }
        return shape;
    }
}
