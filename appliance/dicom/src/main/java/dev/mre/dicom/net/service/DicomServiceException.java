// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

/**
 * A DIMSE operation failed with a status the peer should see, e.g. 0xA700 (OutOfResources) when
 * the disk is full. The SCP answers with {@link #status()} and {@link #errorComment()}.
 */
public class DicomServiceException extends Exception {

  private final int status;

  public DicomServiceException(int status, String errorComment) {
    super(errorComment);
    this.status = status;
  }

  public DicomServiceException(int status, String errorComment, Throwable cause) {
    super(errorComment, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Sent as Error Comment (0000,0902), cut to 64 characters; never patient data. */
  public String errorComment() {
    return getMessage();
  }
}
