// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.net.pdu.PduException;
import dev.mre.dicom.net.pdu.Pdv;
import dev.mre.dicom.net.service.CommandSet;
import dev.mre.dicom.net.service.Dimse;
import dev.mre.dicom.net.service.DimseMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PDataReassemblerTest {

  static byte[] storeRq() {
    return new CommandSet().setUI(Tag.AffectedSOPClassUID, "1.2.3").setUS(Tag.CommandField, Dimse.C_STORE_RQ)
        .setUS(Tag.MessageID, 7).setUS(Tag.CommandDataSetType, 0).setUI(Tag.AffectedSOPInstanceUID, "1.2.3.4")
        .encode();
  }

  @Test
  void commandAndDataSetFragmentsAreJoined() throws Exception {
    PDataReassembler r = new PDataReassembler(1000, id -> id == 1);
    byte[] cmd = storeRq();
    assertNull(r.add(Pdv.of(1, true, false, Arrays.copyOf(cmd, 10))));
    assertNull(r.add(Pdv.of(1, true, true, Arrays.copyOfRange(cmd, 10, cmd.length))));
    assertNull(r.add(Pdv.of(1, false, false, new byte[] {1, 2})));
    DimseMessage m = r.add(Pdv.of(1, false, true, new byte[] {3}));
    assertEquals(7, m.command().getInt(Tag.MessageID, -1));
    assertArrayEquals(new byte[] {1, 2, 3}, m.data());
  }

  @Test
  void dataSetOverTheMaximumObjectSizeIsReadButNotKept() throws Exception {
    PDataReassembler r = new PDataReassembler(4, id -> true);
    r.add(Pdv.of(1, true, true, storeRq()));
    assertNull(r.add(Pdv.of(1, false, false, new byte[3])));
    DimseMessage m = r.add(Pdv.of(1, false, true, new byte[3]));
    assertTrue(m.dataDiscarded());
    assertNull(m.data());
  }

  @Test
  void dataBeforeCommandIsAProtocolError() {
    PDataReassembler r = new PDataReassembler(1000, id -> true);
    assertThrows(PduException.class, () -> r.add(Pdv.of(1, false, true, new byte[2])));
  }

  @Test
  void pdvOnAContextThatWasNotAcceptedIsAProtocolError() {
    PDataReassembler r = new PDataReassembler(1000, id -> id == 1);
    assertThrows(PduException.class, () -> r.add(Pdv.of(3, true, true, storeRq())));
  }

  @Test
  void contextChangeInsideAMessageIsAProtocolError() throws Exception {
    PDataReassembler r = new PDataReassembler(1000, id -> true);
    r.add(Pdv.of(1, true, true, storeRq()));
    assertThrows(PduException.class, () -> r.add(Pdv.of(3, false, true, new byte[2])));
  }
}
