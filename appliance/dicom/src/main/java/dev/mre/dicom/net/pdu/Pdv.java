// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * Presentation data value item inside a P-DATA-TF PDU (PS3.8 9.3.5.1, Annex E.2).
 *
 * <pre>
 * +-----------------+------+-----+---------------- ... -+
 * | item length (4) | pcid | MCH | fragment (length - 2) |
 * +-----------------+------+-----+---------------- ... -+
 * message control header: bit 0 set = command, clear = data set; bit 1 set = last fragment
 * </pre>
 *
 * The fragment array is not copied; treat it as read-only.
 */
public record Pdv(int presentationContextId, int messageControlHeader, byte[] fragment) {

  public static final int COMMAND = 0x01;
  public static final int LAST = 0x02;

  public static Pdv of(int pcid, boolean command, boolean last, byte[] fragment) {
    return new Pdv(pcid, (command ? COMMAND : 0) | (last ? LAST : 0), fragment);
  }

  public boolean command() {
    return (messageControlHeader & COMMAND) != 0;
  }

  public boolean last() {
    return (messageControlHeader & LAST) != 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pdv p && p.presentationContextId == presentationContextId
        && p.messageControlHeader == messageControlHeader && java.util.Arrays.equals(p.fragment, fragment);
  }

  @Override
  public int hashCode() {
    return presentationContextId * 31 + messageControlHeader + java.util.Arrays.hashCode(fragment);
  }

  @Override
  public String toString() {
    return "PDV[pc " + presentationContextId + (command() ? " command" : " data") + (last() ? " last" : "")
        + " " + fragment.length + " bytes]";
  }
}
