// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads the variable field of A-ASSOCIATE-RQ/AC (layout in {@link AAssociateRq}). Every item
 * length is checked against the bytes left before use; unknown user-information sub-items are
 * skipped; an even or duplicate presentation context ID is an invalid parameter value.
 */
final class AssociatePduReader {

  private AssociatePduReader() {}

  static Pdu read(int type, ByteBuffer b) throws PduException {
    if (b.remaining() < 68) {
      throw invalid("A-ASSOCIATE PDU shorter than its 68-byte fixed part");
    }
    int version = b.getShort() & 0xFFFF;
    b.getShort();
    String called = ascii(b, 16);
    String calling = ascii(b, 16);
    b.position(b.position() + 32);
    String appContext = null;
    List<PresentationContextItem> contexts = new ArrayList<>();
    BitSet seen = new BitSet(256);
    UserInformation user = null;
    while (b.hasRemaining()) {
      int itemType = b.get() & 0xFF;
      b.get();
      ByteBuffer item = item(b);
      switch (itemType) {
        case 0x10 -> appContext = ascii(item, item.remaining());
        case 0x20, 0x21 -> {
          if (itemType != (type == Pdu.A_ASSOCIATE_RQ ? 0x20 : 0x21)) {
            throw new PduException(AAbort.UNEXPECTED_PDU_PARAMETER,
                String.format("presentation context item 0x%02X in PDU type 0x%02X", itemType, type));
          }
          PresentationContextItem pc = presentationContext(item);
          if ((pc.id() & 1) == 0 || seen.get(pc.id())) {
            throw invalid("presentation context ID " + pc.id() + ((pc.id() & 1) == 0 ? " is even" : " is duplicated"));
          }
          seen.set(pc.id());
          contexts.add(pc);
        }
        case 0x50 -> user = userInformation(item);
        default -> throw new PduException(AAbort.UNRECOGNIZED_PDU_PARAMETER,
            String.format("unrecognized item 0x%02X in A-ASSOCIATE PDU", itemType));
      }
    }
    if (appContext == null || user == null) {
      throw invalid("A-ASSOCIATE PDU without application context or user information item");
    }
    return type == Pdu.A_ASSOCIATE_RQ
        ? new AAssociateRq(version, called, calling, appContext, contexts, user)
        : new AAssociateAc(version, called, calling, appContext, contexts, user);
  }

  private static PresentationContextItem presentationContext(ByteBuffer item) throws PduException {
    int id = item.get() & 0xFF;
    item.get();
    int result = item.get() & 0xFF;
    item.get();
    String abstractSyntax = null;
    List<String> ts = new ArrayList<>();
    while (item.hasRemaining()) {
      int sub = item.get() & 0xFF;
      item.get();
      ByteBuffer v = item(item);
      switch (sub) {
        case 0x30 -> abstractSyntax = ascii(v, v.remaining());
        case 0x40 -> ts.add(ascii(v, v.remaining()));
        default -> throw new PduException(AAbort.UNRECOGNIZED_PDU_PARAMETER,
            String.format("unrecognized sub-item 0x%02X in presentation context %d", sub, id));
      }
    }
    return new PresentationContextItem(id, result, abstractSyntax, ts);
  }

  private static UserInformation userInformation(ByteBuffer item) throws PduException {
    long maxLength = 0;
    String implClass = null;
    String implVersion = null;
    Integer invoked = null;
    Integer performed = null;
    List<RoleSelection> roles = new ArrayList<>();
    while (item.hasRemaining()) {
      int sub = item.get() & 0xFF;
      item.get();
      ByteBuffer v = item(item);
      switch (sub) {
        case 0x51 -> maxLength = v.getInt() & 0xFFFFFFFFL;
        case 0x52 -> implClass = ascii(v, v.remaining());
        case 0x53 -> {
          invoked = v.getShort() & 0xFFFF;
          performed = v.getShort() & 0xFFFF;
        }
        case 0x54 -> {
          int uidLength = v.getShort() & 0xFFFF;
          if (uidLength > v.remaining() - 2) {
            throw invalid("role selection UID length " + uidLength + " runs past its sub-item");
          }
          String uid = ascii(v, uidLength);
          roles.add(new RoleSelection(uid, v.get() == 1, v.get() == 1));
        }
        case 0x55 -> implVersion = ascii(v, v.remaining());
        default -> { } // PS3.7 D.3.3: unknown sub-items are ignored
      }
    }
    return new UserInformation(maxLength, implClass, implVersion, invoked, performed, roles);
  }

  /** Reads a 2-byte item length and returns the item's value as its own buffer. */
  private static ByteBuffer item(ByteBuffer b) throws PduException {
    int length = b.getShort() & 0xFFFF;
    if (length > b.remaining()) {
      throw invalid("item length " + length + " exceeds the " + b.remaining() + " bytes left");
    }
    ByteBuffer v = b.slice(b.position(), length);
    b.position(b.position() + length);
    return v;
  }

  /** Reads n bytes as ASCII, dropping leading/trailing spaces and trailing NUL padding. */
  static String ascii(ByteBuffer b, int n) {
    byte[] bytes = new byte[n];
    b.get(bytes);
    int end = n;
    while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.US_ASCII).strip();
  }

  private static PduException invalid(String message) {
    return new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, message);
  }
}
