// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * SCP/SCU Role Selection sub-item 0x54 (PS3.7 D.3.3.4).
 *
 * <pre>
 * +------+------+------------+----------------+----------+-----+----------+----------+
 * | 0x54 | rsvd | length (2) | UID length (2) | SOP class UID  | SCU role | SCP role |
 * +------+------+------------+----------------+----------------+----------+----------+
 * </pre>
 */
public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {}
