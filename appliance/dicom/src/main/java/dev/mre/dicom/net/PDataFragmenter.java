// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.net.pdu.PduEncoder;
import dev.mre.dicom.net.pdu.Pdv;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one DIMSE message into P-DATA-TF PDUs of one PDV each, each PDU within the peer's maximum
 * length (PS3.8 D.1: the limit counts the PDU's variable field, so a PDV carries at most
 * {@code max - 6} bytes: 4 item length, 1 context ID, 1 message control header). A peer maximum of
 * 0 (unlimited) is sent as 1 MiB PDUs.
 *
 * <p>Nothing is copied: each PDU is its 12 header bytes followed by a slice of the caller's
 * command or data set array, so the caller must leave those arrays unchanged until the writes
 * complete. Consecutive PDUs are joined into write buffers of at most about {@link #WRITE_BYTES}
 * (and {@link #MAX_PIECES} pieces, the socket's gathering-write limit), so a 132 kB image goes to
 * the socket in one write instead of one per PDU, and a very large data set still does not become
 * one giant buffer.
 */
final class PDataFragmenter {

  static final long UNLIMITED_AS = 1 << 20;
  static final int WRITE_BYTES = 1 << 20;
  static final int MAX_PIECES = 1024;

  private PDataFragmenter() {}

  /** The message's PDUs, in order, grouped into write buffers. */
  static List<ByteBuf> fragment(int pcid, byte[] command, byte[] data, long peerMaxPduLength) {
    long max = peerMaxPduLength == 0 ? UNLIMITED_AS : Math.min(peerMaxPduLength, UNLIMITED_AS);
    int maxFragment = (int) Math.max(1, max - 6);
    Writes out = new Writes();
    add(out, pcid, true, command, maxFragment);
    if (data != null) {
      add(out, pcid, false, data, maxFragment);
    }
    return out.done();
  }

  private static void add(Writes out, int pcid, boolean command, byte[] bytes, int max) {
    int off = 0;
    do {
      int len = Math.min(max, bytes.length - off);
      boolean last = off + len == bytes.length;
      out.pdu(PduEncoder.pDataHeader(pcid, (command ? Pdv.COMMAND : 0) | (last ? Pdv.LAST : 0), len), bytes, off, len);
      off += len;
    } while (off < bytes.length);
  }

  /** Write buffers being filled with PDUs (header, then fragment), each a composite of slices. */
  private static final class Writes {
    private final List<ByteBuf> buffers = new ArrayList<>(2);
    private CompositeByteBuf current;

    void pdu(byte[] header, byte[] src, int off, int len) {
      if (current == null || current.readableBytes() + header.length + len > WRITE_BYTES && current.numComponents() > 0
          || current.numComponents() + 2 > MAX_PIECES) {
        current = Unpooled.compositeBuffer(MAX_PIECES);
        buffers.add(current);
      }
      current.addComponent(true, Unpooled.wrappedBuffer(header));
      if (len > 0) {
        current.addComponent(true, Unpooled.wrappedBuffer(src, off, len));
      }
    }

    List<ByteBuf> done() {
      return buffers;
    }
  }
}
