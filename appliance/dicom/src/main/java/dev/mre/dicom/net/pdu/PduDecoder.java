// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.nio.ByteBuffer;

/**
 * Frames and decodes PDUs, Netty style: {@link #decode} returns null without consuming anything
 * while a PDU is incomplete, and rejects a length field over the limit before waiting for (or
 * allocating) the body. The length field is read as unsigned, so 0xFFFFFFFF is 4 GiB, not -1.
 *
 * <p>Limits: a P-DATA-TF may be as long as the maximum length we announced; association PDUs up
 * to {@link #MAX_ASSOCIATE_PDU_LENGTH}; release and abort PDUs are exactly 4 bytes. The decoder
 * keeps no state and never reaches into an association.
 */
public final class PduDecoder {

  /** Slack for A-ASSOCIATE-RQ/AC: enough for 128 contexts with several transfer syntaxes each. */
  public static final int MAX_ASSOCIATE_PDU_LENGTH = 64 * 1024;

  private final long maxPDataLength;

  /** @param maxPDataLength the maximum P-DATA-TF variable-field length we announced (0 = unlimited). */
  public PduDecoder(long maxPDataLength) {
    this.maxPDataLength = maxPDataLength == 0 ? 0xFFFFFFFFL : maxPDataLength;
  }

  /**
   * Decodes the next PDU from {@code in} (big endian), advancing past it; returns null and leaves
   * the position unchanged when the PDU is incomplete.
   *
   * @throws PduException for an unknown type, a length over the limit, or a malformed body
   */
  public Pdu decode(ByteBuffer in) throws PduException {
    int start = in.position();
    if (in.remaining() < 1) {
      return null;
    }
    int type = in.get(start) & 0xFF;
    long limit = switch (type) {
      case Pdu.A_ASSOCIATE_RQ, Pdu.A_ASSOCIATE_AC -> MAX_ASSOCIATE_PDU_LENGTH;
      case Pdu.P_DATA_TF -> maxPDataLength;
      case Pdu.A_ASSOCIATE_RJ, Pdu.A_RELEASE_RQ, Pdu.A_RELEASE_RP, Pdu.A_ABORT -> 4;
      default -> throw new PduException(AAbort.UNRECOGNIZED_PDU,
          String.format("unrecognized PDU type 0x%02X", type));
    };
    if (in.remaining() < Pdu.HEADER_LENGTH) {
      return null;
    }
    long length = in.getInt(start + 2) & 0xFFFFFFFFL;
    if (length > limit) {
      throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
          String.format("PDU type 0x%02X length %d exceeds limit %d", type, length, limit));
    }
    if (in.remaining() - Pdu.HEADER_LENGTH < length) {
      return null;
    }
    ByteBuffer body = in.slice(start + Pdu.HEADER_LENGTH, (int) length);
    in.position(start + Pdu.HEADER_LENGTH + (int) length);
    try {
      return switch (type) {
        case Pdu.A_ASSOCIATE_RQ, Pdu.A_ASSOCIATE_AC -> AssociatePduReader.read(type, body);
        case Pdu.P_DATA_TF -> readPData(body);
        case Pdu.A_ASSOCIATE_RJ -> {
          requireLength(type, length, 4);
          yield new AAssociateRj(body.get(1) & 0xFF, body.get(2) & 0xFF, body.get(3) & 0xFF);
        }
        case Pdu.A_RELEASE_RQ -> {
          requireLength(type, length, 4);
          yield new AReleaseRq();
        }
        case Pdu.A_RELEASE_RP -> {
          requireLength(type, length, 4);
          yield new AReleaseRp();
        }
        default -> {
          requireLength(type, length, 4);
          yield new AAbort(body.get(2) & 0xFF, body.get(3) & 0xFF);
        }
      };
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
          String.format("PDU type 0x%02X: item runs past the end of the PDU", type));
    }
  }

  private static void requireLength(int type, long length, int expected) throws PduException {
    if (length != expected) {
      throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
          String.format("PDU type 0x%02X length %d, expected %d", type, length, expected));
    }
  }

  private static PDataTf readPData(ByteBuffer body) throws PduException {
    var pdvs = new java.util.ArrayList<Pdv>();
    while (body.hasRemaining()) {
      if (body.remaining() < 6) {
        throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "truncated PDV item header");
      }
      long itemLength = body.getInt() & 0xFFFFFFFFL;
      // compared as long: no int overflow for item lengths near 4 GiB
      if (itemLength < 2 || itemLength > body.remaining()) {
        throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE,
            "PDV item length " + itemLength + " does not fit the " + body.remaining() + " bytes left in the PDU");
      }
      int pcid = body.get() & 0xFF;
      int mch = body.get() & 0xFF;
      byte[] fragment = new byte[(int) itemLength - 2];
      body.get(fragment);
      pdvs.add(new Pdv(pcid, mch, fragment));
    }
    if (pdvs.isEmpty()) {
      throw new PduException(AAbort.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF without PDV items");
    }
    return new PDataTf(pdvs);
  }
}
