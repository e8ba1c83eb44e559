// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.util.List;

/**
 * User Information item 0x50 (PS3.8 9.3.2.3, PS3.7 Annex D.3.3) with the sub-items we understand.
 * Unknown sub-items (extended negotiation, user identity, ...) are skipped by the decoder.
 *
 * <pre>
 * +------+------+------------+------------------------------------------------+
 * | 0x50 | rsvd | length (2) | sub-items: | type | rsvd | length (2) | value | |
 * +------+------+------------+------------------------------------------------+
 *  0x51 maximum length received (4 bytes, unsigned; 0 = unlimited)
 *  0x52 implementation class UID        0x55 implementation version name
 *  0x53 asynchronous operations window: max invoked (2), max performed (2)
 *  0x54 SCP/SCU role selection (see {@link RoleSelection})
 * </pre>
 *
 * @param maxPduLength maximum length of the variable field of P-DATA-TF PDUs the sender can receive
 * @param maxOpsInvoked null when the sub-item is absent
 * @param maxOpsPerformed null when the sub-item is absent
 */
public record UserInformation(long maxPduLength, String implementationClassUid,
                              String implementationVersionName, Integer maxOpsInvoked,
                              Integer maxOpsPerformed, List<RoleSelection> roleSelections) {

  public UserInformation {
    roleSelections = FrozenList.copyOf(roleSelections);
  }

  /** Without asynchronous operations window or role selections. */
  public UserInformation(long maxPduLength, String implementationClassUid, String implementationVersionName) {
    this(maxPduLength, implementationClassUid, implementationVersionName, null, null, List.of());
  }
}
