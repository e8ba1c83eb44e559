// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * A-ASSOCIATE-RJ PDU (PS3.8 9.3.4): the acceptor refuses the association.
 *
 * <pre>
 * +------+------+-------------+------+--------+--------+--------+
 * | 0x03 | rsvd | length = 4  | rsvd | result | source | reason |
 * +------+------+-------------+------+--------+--------+--------+
 * </pre>
 */
public record AAssociateRj(int result, int source, int reason) implements Pdu {

  public static final int RESULT_REJECTED_PERMANENT = 1;
  public static final int RESULT_REJECTED_TRANSIENT = 2;

  public static final int SOURCE_SERVICE_USER = 1;
  public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
  public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

  // source 1, service-user
  public static final int NO_REASON_GIVEN = 1;
  public static final int APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
  public static final int CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
  public static final int CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
  // source 2, service-provider (ACSE)
  public static final int ACSE_NO_REASON_GIVEN = 1;
  public static final int PROTOCOL_VERSION_NOT_SUPPORTED = 2;
  // source 3, service-provider (presentation)
  public static final int TEMPORARY_CONGESTION = 1;
  public static final int LOCAL_LIMIT_EXCEEDED = 2;

  @Override
  public int type() {
    return A_ASSOCIATE_RJ;
  }

  /** "result 2 (rejected-transient) source 3 reason 2 (local-limit-exceeded)". */
  @Override
  public String toString() {
    String res = switch (result) {
      case 1 -> "rejected-permanent";
      case 2 -> "rejected-transient";
      default -> "reserved";
    };
    String why = switch (source * 100 + reason) {
      case 101 -> "no-reason-given";
      case 102 -> "application-context-name-not-supported";
      case 103 -> "calling-AE-title-not-recognized";
      case 107 -> "called-AE-title-not-recognized";
      case 201 -> "no-reason-given";
      case 202 -> "protocol-version-not-supported";
      case 301 -> "temporary-congestion";
      case 302 -> "local-limit-exceeded";
      default -> "reserved";
    };
    return "A-ASSOCIATE-RJ[result " + result + " (" + res + ") source " + source + " reason " + reason
        + " (" + why + ")]";
  }
}
