// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.net.pdu.Pdu;
import dev.mre.dicom.net.pdu.PduDecoder;
import dev.mre.dicom.net.pdu.PduException;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes received on one connection, framed into PDUs. Holds at most one incomplete PDU plus the
 * last chunk: the decoder rejects a length over the limit from the header, before the body is
 * waited for, so nothing here grows from a length field.
 */
final class InboundPdus {

  private static final int INITIAL = 16 * 1024;
  /** A buffer grown past this (one huge PDU) is given back once it is drained. */
  private static final int KEEP = 1 << 20;

  private final PduDecoder decoder;
  private byte[] in = new byte[INITIAL];
  /** The unread bytes are in[start, end). */
  private int start;
  private int end;

  InboundPdus(PduDecoder decoder) {
    this.decoder = decoder;
  }

  void append(Buffer chunk) {
    int n = chunk.length();
    if (in.length - end < n) {
      int unread = end - start;
      if (in.length - unread >= n && unread <= in.length / 2) {
        System.arraycopy(in, start, in, 0, unread);     // room after moving the unread part down
      } else {
        in = Arrays.copyOfRange(in, start, start + Math.max(unread + n, in.length * 2));
      }
      start = 0;
      end = unread;
    }
    chunk.getBytes(0, n, in, end);
    end += n;
  }

  /** The next complete PDU, or null; on a {@link PduException} the rest of the input is dropped. */
  Pdu next() throws PduException {
    ByteBuffer b = ByteBuffer.wrap(in, start, end - start);
    Pdu pdu;
    try {
      pdu = decoder.decode(b);
    } catch (PduException e) {
      start = end = 0;
      throw e;
    }
    if (pdu != null) {
      start = b.position();
      if (start == end) {
        start = end = 0;
        if (in.length > KEEP) {
          in = new byte[INITIAL];
        }
      }
    }
    return pdu;
  }
}
