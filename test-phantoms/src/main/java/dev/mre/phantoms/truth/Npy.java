// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.truth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes and reads NumPy .npy files (format version 1.0), so the ground truth loads with plain
 * {@code numpy.load} and in Java without libraries. Layout: the magic {@code \x93NUMPY}, bytes
 * 0x01 0x00, a little-endian uint16 header length, an ASCII dict
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (rows, cols), }} padded with spaces
 * and a newline so the data starts on a 64-byte boundary, then the C-order little-endian data.
 * Only '<f4' (float32) and '|u1' (uint8) are used.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private Npy() {
    }

    /** An array read back: shape and either floats or bytes. */
    public record Array(int[] shape, float[] floats, byte[] bytes) {
    }

    public static void writeFloat32(Path file, int[] shape, float[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(data);
        write(file, "<f4", shape, b.array());
    }

    public static void writeUint8(Path file, int[] shape, byte[] data) throws IOException {
        write(file, "|u1", shape, data);
    }

    private static void write(Path file, String descr, int[] shape, byte[] data) throws IOException {
        StringBuilder s = new StringBuilder("(");
        for (int d : shape) {
            s.append(d).append(", ");
        }
        String shp = shape.length == 1 ? s.toString().trim() + ")" : s.substring(0, s.length() - 2) + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shp + ", }";
        int total = MAGIC.length + 2 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(MAGIC);
            int len = header.length();
            out.write(len & 0xff);
            out.write(len >>> 8);
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            out.write(data);
        }
    }

    /** Reads a version 1.0 file written by {@link #writeFloat32} or {@link #writeUint8}. */
    public static Array read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        for (int i = 0; i < 6; i++) {
            if (all[i] != MAGIC[i]) {
                throw new IOException(file + ": not a .npy file");
            }
        }
        int len = (all[8] & 0xff) | (all[9] & 0xff) << 8;
        String header = new String(all, 10, len, StandardCharsets.US_ASCII);
        String shapeText = header.substring(header.indexOf("'shape': (") + 10, header.indexOf(')'));
        String[] parts = shapeText.split(",");
        int count = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                count++;
            }
        }
        int[] shape = new int[count];
        int n = 1;
        int j = 0;
        for (String p : parts) {
            if (!p.isBlank()) {
                shape[j] = Integer.parseInt(p.trim());
                n *= shape[j++];
            }
        }
        int off = 10 + len;
        if (header.contains("'<f4'")) {
            float[] f = new float[n];
            ByteBuffer.wrap(all, off, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
            return new Array(shape, f, null);
        }
        if (header.contains("'|u1'")) {
            byte[] b = new byte[n];
            System.arraycopy(all, off, b, 0, n);
            return new Array(shape, null, b);
        }
        throw new IOException(file + ": unsupported dtype in " + header.trim());
    }
}
