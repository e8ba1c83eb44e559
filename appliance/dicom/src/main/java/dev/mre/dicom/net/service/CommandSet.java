// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DIMSE command set (group 0000), always Implicit VR Little Endian (PS3.7 6.3.1). The group is
 * small and fixed (PS3.7 Annex E), so it has its own codec instead of the general data-set reader:
 * each element is tag (4), length (4), value; US/UL are told apart by length; UIDs are padded with
 * NUL, other strings with a space. {@link #encode} writes Command Group Length (0000,0000) first.
 */
public final class CommandSet {

  /** A command set longer than this is not a command set. */
  public static final int MAX_LENGTH = 64 * 1024;

  private final TreeMap<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);

  public static CommandSet decode(byte[] b) throws CommandSetException {
    CommandSet cmd = new CommandSet();
    int pos = 0;
    while (pos < b.length) {
      if (b.length - pos < 8) {
        throw new CommandSetException("command set ends inside an element header at offset " + pos);
      }
      int group = u16(b, pos);
      int tag = group << 16 | u16(b, pos + 2);
      long length = u32(b, pos + 4);
      pos += 8;
      if (group != 0) {
        throw new CommandSetException(String.format("element (%04X,%04X) outside group 0000", group, tag & 0xFFFF));
      }
      if (length > b.length - pos) {
        throw new CommandSetException("element " + String.format("(0000,%04X)", tag & 0xFFFF) + " length "
            + length + " exceeds the " + (b.length - pos) + " bytes left");
      }
      byte[] v = java.util.Arrays.copyOfRange(b, pos, pos + (int) length);
      pos += (int) length;
      if (tag != Dimse.CommandGroupLength) {
        cmd.elements.put(tag, v);
      }
    }
    return cmd;
  }

  public byte[] encode() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
      header(body, e.getKey(), e.getValue().length);
      body.writeBytes(e.getValue());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 12);
    header(out, Dimse.CommandGroupLength, 4);
    le(out, body.size(), 4);
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  public boolean contains(int tag) {
    return elements.containsKey(tag);
  }

  /** US or UL value, or the default when absent or of another length. */
  public int getInt(int tag, int defaultValue) {
    byte[] v = elements.get(tag);
    if (v == null) {
      return defaultValue;
    }
    if (v.length == 2) {
      return u16le(v, 0);
    }
    if (v.length == 4) {
      return u16le(v, 0) | u16le(v, 2) << 16;
    }
    return defaultValue;
  }

  /** String value without trailing NUL or space padding; null when absent. */
  public String getString(int tag) {
    byte[] v = elements.get(tag);
    if (v == null) {
      return null;
    }
    int end = v.length;
    while (end > 0 && (v[end - 1] == 0 || v[end - 1] == ' ')) {
      end--;
    }
    return new String(v, 0, end, StandardCharsets.US_ASCII).strip();
  }

  /** Sets an unsigned short (US) element. */
  public CommandSet setUS(int tag, int value) {
    elements.put(tag, new byte[] {(byte) value, (byte) (value >>> 8)});
    return this;
  }

  /** Sets a UI element (padded with NUL to even length). */
  public CommandSet setUI(int tag, String uid) {
    return setString(tag, uid, (byte) 0);
  }

  /** Sets a text element: AE, LO, ... (padded with a space to even length). */
  public CommandSet setText(int tag, String value) {
    return setString(tag, value, (byte) ' ');
  }

  private CommandSet setString(int tag, String s, byte pad) {
    byte[] a = s.getBytes(StandardCharsets.US_ASCII);
    byte[] v = java.util.Arrays.copyOf(a, a.length + (a.length & 1));
    if ((a.length & 1) != 0) {
      v[a.length] = pad;
    }
    elements.put(tag, v);
    return this;
  }

  /** The response to {@code rq}: same SOP class and instance, command field with the response bit. */
  public static CommandSet responseTo(CommandSet rq, int status, String errorComment) {
    CommandSet rsp = new CommandSet();
    String cls = rq.getString(Dimse.AffectedSOPClassUID);
    if (cls != null) {
      rsp.setUI(Dimse.AffectedSOPClassUID, cls);
    }
    rsp.setUS(Dimse.CommandField, rq.getInt(Dimse.CommandField, 0) | Dimse.RSP);
    rsp.setUS(Dimse.MessageIDBeingRespondedTo, rq.getInt(Dimse.MessageID, 0));
    rsp.setUS(Dimse.CommandDataSetType, Dimse.NO_DATA_SET);
    rsp.setUS(Dimse.Status, status);
    String inst = rq.getString(Dimse.AffectedSOPInstanceUID);
    if (inst != null) {
      rsp.setUI(Dimse.AffectedSOPInstanceUID, inst);
    }
    if (errorComment != null) {
      // LO: at most 64 characters
      rsp.setText(Dimse.ErrorComment, errorComment.length() > 64 ? errorComment.substring(0, 64) : errorComment);
    }
    return rsp;
  }

  public boolean hasDataSet() {
    return getInt(Dimse.CommandDataSetType, Dimse.NO_DATA_SET) != Dimse.NO_DATA_SET;
  }

  /** "(0000,0100)=0001 (0000,0110)=1 ...", for DEBUG logs; command sets hold no patient data. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(Dimse.nameOf(getInt(Dimse.CommandField, -1))).append(' ');
    for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
      int t = e.getKey();
      byte[] v = e.getValue();
      sb.append(String.format("(0000,%04X)=", t & 0xFFFF));
      sb.append(v.length == 2 || (v.length == 4 && t != Dimse.ErrorComment) ? String.format("%04X", getInt(t, 0))
          : getString(t));
      sb.append(' ');
    }
    return sb.toString().trim();
  }

  private static void header(ByteArrayOutputStream out, int tag, int length) {
    le(out, tag >>> 16, 2);
    le(out, tag & 0xFFFF, 2);
    le(out, length, 4);
  }

  private static void le(ByteArrayOutputStream out, long v, int n) {
    for (int i = 0; i < n; i++) {
      out.write((int) (v >>> (8 * i)));
    }
  }

  private static int u16(byte[] b, int at) {
    return u16le(b, at);
  }

  private static int u16le(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (u16le(b, at) | (long) u16le(b, at + 2) << 16) & 0xFFFFFFFFL;
  }
}
