// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * The bytes are not a valid PDU. Carries the A-ABORT reason (source 2, service-provider) the
 * association sends back (PS3.8 Evt19, action AA-8).
 */
public final class PduException extends Exception {

  private final int abortReason;

  public PduException(int abortReason, String message) {
    super(message);
    this.abortReason = abortReason;
  }

  /** One of the {@code AAbort} reason constants. */
  public int abortReason() {
    return abortReason;
  }
}
