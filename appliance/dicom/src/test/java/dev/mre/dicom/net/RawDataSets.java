// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Explicit VR Little Endian data sets written byte by byte, including broken ones. */
final class RawDataSets {

  private RawDataSets() {}

  static final String CT = "1.2.840.10008.5.1.4.1.1.2";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static RawDataSets withUids(String cuid, String iuid) {
    RawDataSets d = new RawDataSets();
    return d.text(0x00080016, "UI", pad(cuid, '\0')).text(0x00080018, "UI", pad(iuid, '\0'));
  }

  RawDataSets text(int tag, String vr, String value) {
    byte[] v = value.getBytes(StandardCharsets.US_ASCII);
    return shortHeader(tag, vr, v.length).bytes(v);
  }

  /** An element header with a 16-bit length field, value written separately (or not). */
  RawDataSets shortHeader(int tag, String vr, int length) {
    tag(tag);
    out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
    out.write(length);
    out.write(length >>> 8);
    return this;
  }

  RawDataSets bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** {@code depth} sequences nested inside each other, all of undefined length. */
  RawDataSets nestedSequences(int depth) {
    for (int i = 0; i < depth; i++) {
      tag(0x0040A730);
      out.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(new byte[] {0, 0, -1, -1, -1, -1});
      tag(0xFFFEE000);
      out.writeBytes(new byte[] {-1, -1, -1, -1});
    }
    for (int i = 0; i < depth; i++) {
      tag(0xFFFEE00D);
      out.writeBytes(new byte[4]);
      tag(0xFFFEE0DD);
      out.writeBytes(new byte[4]);
    }
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int tag) {
    out.write(tag >>> 16);
    out.write(tag >>> 24);
    out.write(tag);
    out.write(tag >>> 8);
  }

  static String pad(String s, char c) {
    return (s.length() & 1) == 0 ? s : s + c;
  }
}
