// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * A-RELEASE-RQ PDU (PS3.8 9.3.6): asks the peer to release the association.
 *
 * <pre>
 * +------+------+-------------------+-------------------+
 * | 0x05 | rsvd | length = 4        | 4 reserved bytes  |
 * +------+------+-------------------+-------------------+
 * </pre>
 */
public record AReleaseRq() implements Pdu {
  @Override
  public int type() {
    return A_RELEASE_RQ;
  }
}
