// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.net.pdu.PDataTf;
import dev.mre.dicom.net.pdu.PduDecoder;
import dev.mre.dicom.net.pdu.Pdv;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
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

  @Test
  void everyPduStaysWithinThePeersMaximumAndTheFragmentsJoinBack() throws Exception {
    byte[] cmd = bytes(100);
    byte[] data = bytes(20_000);
    List<byte[]> pdus = PDataFragmenter.fragment(1, cmd, data, 4096);
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    ByteArrayOutputStream d = new ByteArrayOutputStream();
    PduDecoder peer = new PduDecoder(4096); // rejects anything longer
    for (int i = 0; i < pdus.size(); i++) {
      byte[] pdu = pdus.get(i);
      assertTrue(pdu.length - 6 <= 4096);
      Pdv pdv = ((PDataTf) peer.decode(ByteBuffer.wrap(pdu))).pdvs().get(0);
      (pdv.command() ? c : d).writeBytes(pdv.fragment());
      assertEquals(i == 0 || i == pdus.size() - 1, pdv.last(), "last bit on the last command and data fragment");
    }
    assertArrayEquals(cmd, c.toByteArray());
    assertArrayEquals(data, d.toByteArray());
    assertEquals(1 + (int) Math.ceil(20_000 / 4090.0), pdus.size());
  }

  @Test
  void unlimitedPeerGetsOneMebibytePdus() {
    List<byte[]> pdus = PDataFragmenter.fragment(3, bytes(10), bytes(3 << 20), 0);
    assertEquals(1 + 4, pdus.size());
  }

  @Test
  void emptyDataSetStillSendsOneLastFragment() {
    List<byte[]> pdus = PDataFragmenter.fragment(1, bytes(10), new byte[0], 16384);
    assertEquals(2, pdus.size());
    assertEquals(Pdv.LAST, pdus.get(1)[11]);
  }
}
