// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.net.pdu.AAbort;
import dev.mre.dicom.net.pdu.Pdv;
import dev.mre.dicom.net.pdu.PduException;
import dev.mre.dicom.net.service.CommandSet;
import dev.mre.dicom.net.service.CommandSetException;
import dev.mre.dicom.net.service.DimseMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Joins PDV fragments into DIMSE messages (PS3.8 Annex E, PS3.7 6.3): command fragments first,
 * the last one flagged, then (if the command says so) data set fragments on the same
 * presentation context. A command over {@link CommandSet#MAX_LENGTH} or fragments out of order
 * are protocol errors; a data set over {@code maxObjectSize} is read to its end but not kept.
 */
final class PDataReassembler {

  private final long maxObjectSize;
  private final IntPredicate acceptedContext;
  private int pcid = -1;
  private ByteArrayOutputStream command = new ByteArrayOutputStream();
  private CommandSet completedCommand;
  /** Data set fragments as decoded; joined once, into an array of the exact size, at the end. */
  private List<byte[]> data;
  private long dataLength;
  private boolean discarding;

  PDataReassembler(long maxObjectSize, IntPredicate acceptedContext) {
    this.maxObjectSize = maxObjectSize;
    this.acceptedContext = acceptedContext;
  }

  /** Adds one fragment; returns the message it completes, or null. */
  DimseMessage add(Pdv pdv) throws PduException {
    int id = pdv.presentationContextId();
    if (!acceptedContext.test(id)) {
      throw invalid("PDV on presentation context " + id + ", which was not accepted");
    }
    if (pcid != -1 && id != pcid) {
      throw invalid("PDV on presentation context " + id + " inside a message on context " + pcid);
    }
    pcid = id;
    if (pdv.command()) {
      if (completedCommand != null) {
        throw invalid("command fragment where data set fragments were expected");
      }
      if (command.size() + (long) pdv.fragment().length > CommandSet.MAX_LENGTH) {
        throw invalid("command set longer than " + CommandSet.MAX_LENGTH + " bytes");
      }
      command.writeBytes(pdv.fragment());
      if (!pdv.last()) {
        return null;
      }
      CommandSet cmd;
      try {
        cmd = CommandSet.decode(command.toByteArray());
      } catch (CommandSetException e) {
        throw invalid("unreadable command set: " + e.getMessage());
      }
      if (!cmd.hasDataSet()) {
        return complete(cmd, null);
      }
      completedCommand = cmd;
      data = new ArrayList<>();
      return null;
    }
    if (completedCommand == null) {
      throw invalid("data set fragment before its command");
    }
    dataLength += pdv.fragment().length;
    if (dataLength > maxObjectSize && !discarding) {
      discarding = true;
      data = null;
    }
    if (!discarding) {
      data.add(pdv.fragment());
    }
    if (!pdv.last()) {
      return null;
    }
    return complete(completedCommand, discarding ? null : join(data, (int) dataLength));
  }

  /** One copy per object (dataLength is at most maxObjectSize, itself below 2 GiB). */
  private static byte[] join(List<byte[]> fragments, int length) {
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] f : fragments) {
      System.arraycopy(f, 0, all, at, f.length);
      at += f.length;
    }
    return all;
  }

  private DimseMessage complete(CommandSet cmd, byte[] bytes) {
    DimseMessage msg = new DimseMessage(pcid, cmd, bytes, discarding);
    pcid = -1;
    command = new ByteArrayOutputStream();
    completedCommand = null;
    data = null;
    dataLength = 0;
    discarding = false;
    return msg;
  }

  private static PduException invalid(String message) {
    return new PduException(AAbort.UNEXPECTED_PDU_PARAMETER, message);
  }
}
