// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

/** The status of a DIMSE response, with its Error Comment (0000,0902) when the peer sent one. */
public record DimseStatus(int status, String errorComment) {

  public boolean success() {
    return Status.isSuccess(status);
  }

  public boolean warning() {
    return Status.isWarning(status);
  }

  public boolean failure() {
    return Status.isFailure(status);
  }

  @Override
  public String toString() {
    return String.format("%04X", status) + (errorComment == null ? "" : " (" + errorComment + ")");
  }
}
