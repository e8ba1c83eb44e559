// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Feeds bytes to a {@link PduDecoder} the way a socket might: whole, one byte at a time, random chunks. */
enum Feeder {
  WHOLE, ONE_BYTE_AT_A_TIME, RANDOM_CHUNKS;

  List<Pdu> feed(PduDecoder decoder, byte[] bytes) throws PduException {
    List<Pdu> out = new ArrayList<>();
    ByteBuffer acc = ByteBuffer.allocate(bytes.length);
    Random random = new Random(42);
    int pos = 0;
    while (pos < bytes.length) {
      int n = switch (this) {
        case WHOLE -> bytes.length;
        case ONE_BYTE_AT_A_TIME -> 1;
        case RANDOM_CHUNKS -> 1 + random.nextInt(Math.min(97, bytes.length - pos));
      };
      n = Math.min(n, bytes.length - pos);
      acc.put(bytes, pos, n);
      pos += n;
      acc.flip();
      Pdu pdu;
      while ((pdu = decoder.decode(acc)) != null) {
        out.add(pdu);
      }
      acc.compact();
    }
    if (acc.position() != 0) {
      throw new AssertionError(acc.position() + " bytes left undecoded");
    }
    return out;
  }
}
