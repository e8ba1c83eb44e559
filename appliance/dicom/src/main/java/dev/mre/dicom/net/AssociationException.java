// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.net.pdu.AAbort;
import dev.mre.dicom.net.pdu.AAssociateRj;

/**
 * An association could not be used: the peer rejected it (then {@link #reject()} says why), it
 * was aborted (then {@link #abort()} holds the A-ABORT), it timed out or the connection closed.
 */
public final class AssociationException extends Exception {

  private final AAssociateRj reject;
  private final AAbort abort;

  public AssociationException(String message, AAssociateRj reject, AAbort abort) {
    super(message);
    this.reject = reject;
    this.abort = abort;
  }

  public AssociationException(String message) {
    this(message, null, null);
  }

  /** The A-ASSOCIATE-RJ received, or null. */
  public AAssociateRj reject() {
    return reject;
  }

  /** The A-ABORT received or sent, or null. */
  public AAbort abort() {
    return abort;
  }
}
