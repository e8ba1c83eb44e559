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

  private final PduDecoder decoder;
  private byte[] in = new byte[INITIAL];
  private int length;

  InboundPdus(PduDecoder decoder) {
    this.decoder = decoder;
  }

  void append(Buffer chunk) {
    int n = chunk.length();
    if (in.length - length < n) {
      in = Arrays.copyOf(in, Math.max(length + n, in.length * 2));
    }
    chunk.getBytes(0, n, in, length);
    length += n;
  }

  /** The next complete PDU, or null; on a {@link PduException} the rest of the input is dropped. */
  Pdu next() throws PduException {
    ByteBuffer b = ByteBuffer.wrap(in, 0, length);
    Pdu pdu;
    try {
      pdu = decoder.decode(b);
    } catch (PduException e) {
      length = 0;
      throw e;
    }
    if (pdu != null) {
      System.arraycopy(in, b.position(), in, 0, length - b.position());
      length -= b.position();
      if (in.length > 4 * INITIAL && length < INITIAL) {
        in = Arrays.copyOf(in, INITIAL); // give back a buffer grown for one large PDU
      }
    }
    return pdu;
  }
}
