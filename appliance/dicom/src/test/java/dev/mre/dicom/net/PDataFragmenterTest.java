// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.net.pdu.PDataTf;
import dev.mre.dicom.net.pdu.PduDecoder;
import dev.mre.dicom.net.pdu.Pdv;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PDataFragmenterTest {

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** The PDUs as the peer reads them: the write buffers' bytes in order, cut at each PDU length. */
  static List<byte[]> pdus(List<ByteBuf> writes) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (ByteBuf w : writes) {
      byte[] b = new byte[w.readableBytes()];
      w.getBytes(w.readerIndex(), b);
      wire.writeBytes(b);
    }
    ByteBuffer in = ByteBuffer.wrap(wire.toByteArray());
    List<byte[]> out = new ArrayList<>();
    while (in.hasRemaining()) {
      byte[] pdu = new byte[6 + in.getInt(in.position() + 2)];
      in.get(pdu);
      out.add(pdu);
    }
    return out;
  }

  /** Decodes every PDU with a peer's decoder (which rejects a PDU over {@code max}) and joins the fragments. */
  static void checkJoinsBack(List<byte[]> pdus, int max, byte[] cmd, byte[] data) throws Exception {
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    ByteArrayOutputStream d = new ByteArrayOutputStream();
    PduDecoder peer = new PduDecoder(max);
    List<Pdv> pdvs = new ArrayList<>();
    for (byte[] pdu : pdus) {
      assertTrue(pdu.length - 6 <= max);
      pdvs.add(((PDataTf) peer.decode(ByteBuffer.wrap(pdu))).pdvs().get(0));
    }
    int lastCommand = -1;
    for (int i = 0; i < pdvs.size(); i++) {
      lastCommand = pdvs.get(i).command() ? i : lastCommand;
    }
    for (int i = 0; i < pdvs.size(); i++) {
      Pdv pdv = pdvs.get(i);
      assertEquals(pdv.command() == (i <= lastCommand), true, "the command's PDVs come first");
      (pdv.command() ? c : d).writeBytes(pdv.fragment());
      assertEquals(i == lastCommand || i == pdvs.size() - 1, pdv.last(),
          "last bit on the last command and the last data fragment only (PDU " + i + ")");
    }
    assertArrayEquals(cmd, c.toByteArray());
    assertArrayEquals(data, d.toByteArray());
  }

  @Test
  void everyPduStaysWithinThePeersMaximumAndTheFragmentsJoinBack() throws Exception {
    byte[] cmd = bytes(100);
    byte[] data = bytes(20_000);
    List<ByteBuf> writes = PDataFragmenter.fragment(1, cmd, data, 4096);
    List<byte[]> pdus = pdus(writes);
    checkJoinsBack(pdus, 4096, cmd, data);
    assertEquals(1 + (int) Math.ceil(20_000 / 4090.0), pdus.size());
    assertEquals(1, writes.size(), "a small message goes to the socket in one write");
  }

  @Test
  void aLargeDataSetIsWrittenInBoundedBuffers() throws Exception {
    byte[] cmd = bytes(90);
    byte[] data = bytes(3 << 20);
    List<ByteBuf> writes = PDataFragmenter.fragment(5, cmd, data, 16384);
    for (ByteBuf w : writes) {
      assertTrue(w.readableBytes() <= PDataFragmenter.WRITE_BYTES, "write of " + w.readableBytes() + " bytes");
    }
    assertTrue(writes.size() >= 3);
    checkJoinsBack(pdus(writes), 16384, cmd, data);
  }

  @Test
  void aTinyPeerMaximumStaysWithinTheGatheringWriteLimit() throws Exception {
    byte[] cmd = bytes(90);
    byte[] data = bytes(50_000);
    List<ByteBuf> writes = PDataFragmenter.fragment(1, cmd, data, 64);     // 58-byte fragments: 2 pieces per PDU
    for (ByteBuf w : writes) {
      assertTrue(w.nioBufferCount() <= PDataFragmenter.MAX_PIECES, w.nioBufferCount() + " pieces");
    }
    checkJoinsBack(pdus(writes), 64, cmd, data);
  }

  @Test
  void unlimitedPeerGetsOneMebibytePdus() {
    List<byte[]> pdus = pdus(PDataFragmenter.fragment(3, bytes(10), bytes(3 << 20), 0));
    assertEquals(1 + 4, pdus.size());
    assertEquals(6 + 6 + (int) PDataFragmenter.UNLIMITED_AS - 6, pdus.get(1).length);
  }

  @Test
  void emptyDataSetStillSendsOneLastFragment() {
    List<byte[]> pdus = pdus(PDataFragmenter.fragment(1, bytes(10), new byte[0], 16384));
    assertEquals(2, pdus.size());
    assertEquals(12, pdus.get(1).length);
    assertEquals(Pdv.LAST, pdus.get(1)[11]);
  }
}
