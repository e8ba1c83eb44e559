// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * A-ABORT PDU (PS3.8 9.3.8).
 *
 * <pre>
 * +------+------+-------------+------+------+--------+--------+
 * | 0x07 | rsvd | length = 4  | rsvd | rsvd | source | reason |
 * +------+------+-------------+------+------+--------+--------+
 * </pre>
 *
 * @param source 0 service-user, 2 service-provider (1 is reserved)
 * @param reason for source 2: one of the {@code REASON_*} constants; 0 for source 0
 */
public record AAbort(int source, int reason) implements Pdu {

  public static final int SOURCE_SERVICE_USER = 0;
  public static final int SOURCE_SERVICE_PROVIDER = 2;

  public static final int REASON_NOT_SPECIFIED = 0;
  public static final int UNRECOGNIZED_PDU = 1;
  public static final int UNEXPECTED_PDU = 2;
  public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
  public static final int UNEXPECTED_PDU_PARAMETER = 5;
  public static final int INVALID_PDU_PARAMETER_VALUE = 6;

  /** An abort by the local user (source 0, reason 0). */
  public static AAbort byServiceUser() {
    return new AAbort(SOURCE_SERVICE_USER, REASON_NOT_SPECIFIED);
  }

  /** An abort by the service provider with the given reason. */
  public static AAbort byServiceProvider(int reason) {
    return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
  }

  @Override
  public int type() {
    return A_ABORT;
  }

  /** "source 2 (service-provider) reason 6 (invalid-PDU-parameter-value)". */
  @Override
  public String toString() {
    String s = switch (source) {
      case 0 -> "service-user";
      case 2 -> "service-provider";
      default -> "reserved";
    };
    String r = source != SOURCE_SERVICE_PROVIDER ? "-" : switch (reason) {
      case 0 -> "reason-not-specified";
      case 1 -> "unrecognized-PDU";
      case 2 -> "unexpected-PDU";
      case 4 -> "unrecognized-PDU-parameter";
      case 5 -> "unexpected-PDU-parameter";
      case 6 -> "invalid-PDU-parameter-value";
      default -> "reserved";
    };
    return "A-ABORT[source " + source + " (" + s + ") reason " + reason + " (" + r + ")]";
  }
}
