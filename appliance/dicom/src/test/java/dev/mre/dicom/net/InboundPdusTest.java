// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mre.dicom.net.pdu.AAbort;
import dev.mre.dicom.net.pdu.AReleaseRq;
import dev.mre.dicom.net.pdu.PDataTf;
import dev.mre.dicom.net.pdu.Pdu;
import dev.mre.dicom.net.pdu.PduDecoder;
import dev.mre.dicom.net.pdu.PduEncoder;
import dev.mre.dicom.net.pdu.PduException;
import dev.mre.dicom.net.pdu.Pdv;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InboundPdusTest {

  static final List<Pdu> PDUS = List.of(new PDataTf(List.of(Pdv.of(1, true, true, new byte[70_000]))),
      new AReleaseRq(), AAbort.byServiceUser());

  static byte[] wire() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    PDUS.forEach(p -> b.writeBytes(PduEncoder.encode(p)));
    return b.toByteArray();
  }

  List<Pdu> feed(int seed, int maxChunk) throws PduException {
    InboundPdus in = new InboundPdus(new PduDecoder(131072));
    byte[] w = wire();
    Random r = new Random(seed);
    List<Pdu> out = new ArrayList<>();
    for (int pos = 0; pos < w.length; ) {
      int n = Math.min(w.length - pos, 1 + r.nextInt(maxChunk));
      in.append(Buffer.buffer().appendBytes(w, pos, n));
      pos += n;
      for (Pdu p; (p = in.next()) != null; ) {
        out.add(p);
      }
    }
    return out;
  }

  @Test
  void pdusSplitAcrossSocketChunksComeOutWhole() throws Exception {
    assertEquals(PDUS, feed(1, 1));
    assertEquals(PDUS, feed(2, 1000));
    assertEquals(PDUS, feed(3, 200_000));
  }

  @Test
  void afterAnInvalidPduTheRestOfTheInputIsDropped() throws Exception {
    InboundPdus in = new InboundPdus(new PduDecoder(4096));
    in.append(Buffer.buffer(new byte[] {0x47, 0x45, 0x54, 0x20}));
    assertThrows(PduException.class, in::next);
    assertNull(in.next());
  }
}
