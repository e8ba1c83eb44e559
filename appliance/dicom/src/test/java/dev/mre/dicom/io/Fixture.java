// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Builds byte fixtures element by element, little endian unless told, and feeds them. */
final class Fixture {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean big;

    Fixture() {
        this(false);
    }

    Fixture(boolean big) {
        this.big = big;
    }

    Fixture u16(int v) {
        if (big) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
        return this;
    }

    Fixture u32(int v) {
        return big ? u16(v >>> 16).u16(v) : u16(v).u16(v >>> 16);
    }

    Fixture tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    Fixture raw(byte... b) {
        out.writeBytes(b);
        return this;
    }

    Fixture ascii(String s) {
        return raw(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Explicit VR element header with a 16-bit length. */
    Fixture shortHeader(int tag, String vr, int len) {
        return tag(tag).ascii(vr).u16(len);
    }

    /** Explicit VR element header with 2 reserved bytes and a 32-bit length (-1: undefined). */
    Fixture longHeader(int tag, String vr, int len) {
        return tag(tag).ascii(vr).u16(0).u32(len);
    }

    Fixture explicitString(int tag, String vr, String value) {
        return shortHeader(tag, vr, value.length()).ascii(value);
    }

    Fixture implicit(int tag, byte[] value) {
        return tag(tag).u32(value.length).raw(value);
    }

    Fixture implicitString(int tag, String value) {
        return implicit(tag, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    Fixture item(int len) {
        return tag(0xFFFEE000).u32(len);
    }

    Fixture itemEnd() {
        return tag(0xFFFEE00D).u32(0);
    }

    Fixture sequenceEnd() {
        return tag(0xFFFEE0DD).u32(0);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** The same bytes three ways: whole, one byte per read, and in random chunks. */
    static List<InputStream> feeds(byte[] b) {
        return List.of(new ByteArrayInputStream(b), oneByteAtATime(b), randomChunks(b, new Random(b.length)));
    }

    static InputStream oneByteAtATime(byte[] b) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, 1));
            }

            @Override
            public byte[] readAllBytes() {
                try {
                    return slowReadAll(this);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    static InputStream randomChunks(byte[] b, Random random) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, 1 + random.nextInt(7)));
            }

            @Override
            public byte[] readAllBytes() {
                try {
                    return slowReadAll(this);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** InputStream's own readAllBytes loop, which ByteArrayInputStream overrides with a shortcut. */
    private static byte[] slowReadAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) all.write(buf, 0, n);
        return all.toByteArray();
    }
}
