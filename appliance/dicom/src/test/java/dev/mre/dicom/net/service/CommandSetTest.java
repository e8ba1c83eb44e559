// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.data.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CommandSetTest {

  @Test
  void commandSetRoundTripsWithGroupLengthFirst() throws Exception {
    CommandSet rq = new CommandSet().setUI(Tag.AffectedSOPClassUID, "1.2.840.10008.1.1")
        .setUS(Tag.CommandField, Dimse.C_ECHO_RQ).setUS(Tag.MessageID, 1)
        .setUS(Tag.CommandDataSetType, Dimse.NO_DATA_SET);
    byte[] b = rq.encode();
    assertEquals(0, b[0] | b[1] | b[2] | b[3], "(0000,0000) first");
    assertEquals(b.length - 12, (b[8] & 0xFF) | (b[9] & 0xFF) << 8, "group length counts the rest");
    CommandSet back = CommandSet.decode(b);
    assertEquals("1.2.840.10008.1.1", back.getString(Tag.AffectedSOPClassUID));
    assertEquals(Dimse.C_ECHO_RQ, back.getInt(Tag.CommandField, -1));
    assertEquals(false, back.hasDataSet());
  }

  @Test
  void uidsArePaddedWithNulToEvenLength() {
    byte[] b = new CommandSet().setUI(Tag.AffectedSOPClassUID, "1.2.3").encode();
    assertEquals(6, b[12 + 4]);
    assertEquals(0, b[b.length - 1]);
  }

  @Test
  void responseEchoesTheRequestIdentity() {
    CommandSet rq = new CommandSet().setUI(Tag.AffectedSOPClassUID, "1.2").setUS(Tag.CommandField, Dimse.C_STORE_RQ)
        .setUS(Tag.MessageID, 42).setUI(Tag.AffectedSOPInstanceUID, "1.2.3");
    CommandSet rsp = CommandSet.responseTo(rq, Status.CannotUnderstand, "bad");
    assertEquals(Dimse.C_STORE_RSP, rsp.getInt(Tag.CommandField, -1));
    assertEquals(42, rsp.getInt(Tag.MessageIDBeingRespondedTo, -1));
    assertEquals("1.2.3", rsp.getString(Tag.AffectedSOPInstanceUID));
    assertEquals(Status.CannotUnderstand, rsp.getInt(Tag.Status, -1));
    assertEquals("bad", rsp.getString(Tag.ErrorComment));
  }

  @Test
  void elementLengthBeyondTheCommandIsRejected() {
    byte[] b = {0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2};
    assertThrows(CommandSetException.class, () -> CommandSet.decode(b));
  }

  @Test
  void warningAndFailureStatusesAreClassified() {
    assertEquals(true, Status.isWarning(Status.CoercionOfDataElements));
    assertEquals(true, Status.isFailure(Status.OutOfResources));
    assertEquals(true, Status.isFailure(Status.CannotUnderstand));
    assertEquals(false, Status.isFailure(Status.ElementsDiscarded));
  }
}
