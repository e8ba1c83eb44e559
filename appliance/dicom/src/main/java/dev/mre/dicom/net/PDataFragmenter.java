// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.net.pdu.PduEncoder;
import dev.mre.dicom.net.pdu.Pdv;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one DIMSE message into P-DATA-TF PDUs of one PDV each, each PDU within the peer's maximum
 * length (PS3.8 D.1: the limit counts the PDU's variable field, so a PDV carries at most
 * {@code max - 6} bytes: 4 item length, 1 context ID, 1 message control header). A peer maximum of
 * 0 (unlimited) is sent as 1 MiB PDUs.
 */
final class PDataFragmenter {

  static final long UNLIMITED_AS = 1 << 20;

  private PDataFragmenter() {}

  static List<byte[]> fragment(int pcid, byte[] command, byte[] data, long peerMaxPduLength) {
    long max = peerMaxPduLength == 0 ? UNLIMITED_AS : Math.min(peerMaxPduLength, UNLIMITED_AS);
    int maxFragment = (int) Math.max(1, max - 6);
    List<byte[]> pdus = new ArrayList<>();
    add(pdus, pcid, true, command, maxFragment);
    if (data != null) {
      add(pdus, pcid, false, data, maxFragment);
    }
    return pdus;
  }

  private static void add(List<byte[]> out, int pcid, boolean command, byte[] bytes, int max) {
    int off = 0;
    do {
      int len = Math.min(max, bytes.length - off);
      boolean last = off + len == bytes.length;
      out.add(PduEncoder.pData(pcid, (command ? Pdv.COMMAND : 0) | (last ? Pdv.LAST : 0), bytes, off, len));
      off += len;
    } while (off < bytes.length);
  }
}
