// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.util.List;

/**
 * A presentation context item (PS3.8 9.3.2.2 in the request, 9.3.3.2 in the acceptance).
 *
 * <pre>
 * request item 0x20:                         acceptance item 0x21:
 * +------+------+--------+------+------+------+------+   ... same header, then
 * | 0x20 | rsvd | length | pcid | rsvd | rsvd | rsvd |   | pcid | rsvd | result | rsvd |
 * +------+------+--------+------+------+------+------+   followed by one 0x40 transfer syntax
 * then one 0x30 abstract syntax sub-item and one or more 0x40 transfer syntax sub-items,
 * each: | type | rsvd | length (2) | UID |
 * </pre>
 *
 * @param id odd, 1..255
 * @param result for acceptance items one of the {@code RESULT_*} constants; 0 in requests
 * @param abstractSyntax the SOP class UID; null in acceptance items (absent on the wire)
 * @param transferSyntaxes proposed ones in a request; the single accepted one in an acceptance
 */
public record PresentationContextItem(int id, int result, String abstractSyntax, List<String> transferSyntaxes) {

  public static final int ACCEPTANCE = 0;
  public static final int USER_REJECTION = 1;
  public static final int NO_REASON = 2;
  public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
  public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

  public PresentationContextItem {
    transferSyntaxes = FrozenList.copyOf(transferSyntaxes);
  }

  /** A proposed context in an A-ASSOCIATE-RQ. */
  public static PresentationContextItem proposed(int id, String abstractSyntax, List<String> transferSyntaxes) {
    return new PresentationContextItem(id, 0, abstractSyntax, transferSyntaxes);
  }

  /** An answer in an A-ASSOCIATE-AC; a rejected context still carries a (meaningless) transfer syntax. */
  public static PresentationContextItem answer(int id, int result, String transferSyntax) {
    return new PresentationContextItem(id, result, null, List.of(transferSyntax));
  }

  public boolean accepted() {
    return result == ACCEPTANCE;
  }

  /** The single transfer syntax of an acceptance item. */
  public String transferSyntax() {
    return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
  }

  public static String resultName(int result) {
    return switch (result) {
      case ACCEPTANCE -> "acceptance";
      case USER_REJECTION -> "user-rejection";
      case NO_REASON -> "no-reason";
      case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract-syntax-not-supported";
      case TRANSFER_SYNTAXES_NOT_SUPPORTED -> "transfer-syntaxes-not-supported";
      default -> "reserved";
    };
  }
}
