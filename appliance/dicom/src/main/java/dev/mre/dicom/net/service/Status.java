// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

/** DIMSE status codes, named as in PS3.7 Annex C and the C-STORE statuses of PS3.4 B.2.3. */
public final class Status {

  private Status() {}

  public static final int Success = 0x0000;
  public static final int Pending = 0xFF00;
  public static final int Cancel = 0xFE00;
  // warnings
  public static final int CoercionOfDataElements = 0xB000;
  public static final int ElementsDiscarded = 0xB006;
  public static final int DataSetDoesNotMatchSOPClassWarning = 0xB007;
  // failures
  public static final int OutOfResources = 0xA700;
  public static final int DataSetDoesNotMatchSOPClass = 0xA900;
  public static final int CannotUnderstand = 0xC000;
  public static final int SOPClassNotSupported = 0x0122;
  public static final int ProcessingFailure = 0x0110;
  public static final int UnrecognizedOperation = 0x0211;
  public static final int DuplicateSOPInstance = 0x0111;
  public static final int MistypedArgument = 0x0212;
  public static final int NotAuthorized = 0x0124;

  /**
   * The status as 4 upper-case hex digits, as {@code String.format("%04X", status & 0xFFFF)} writes
   * it but without a Formatter (logged once per received object).
   */
  public static String hex(int status) {
    char[] c = new char[4];
    for (int i = 3; i >= 0; i--) {
      c[i] = Character.toUpperCase(Character.forDigit(status & 0xF, 16));
      status >>>= 4;
    }
    return new String(c);
  }

  public static boolean isSuccess(int status) {
    return status == Success;
  }

  /** 0001, Bxxx and 0107/0116 are warnings (PS3.7 C.3). */
  public static boolean isWarning(int status) {
    return status == 0x0001 || (status & 0xF000) == 0xB000 || status == 0x0107 || status == 0x0116;
  }

  public static boolean isPending(int status) {
    return status == 0xFF00 || status == 0xFF01;
  }

  public static boolean isFailure(int status) {
    return !isSuccess(status) && !isWarning(status) && !isPending(status) && status != Cancel;
  }
}
