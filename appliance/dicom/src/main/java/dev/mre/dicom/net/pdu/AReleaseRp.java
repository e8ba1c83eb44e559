// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * A-RELEASE-RP PDU (PS3.8 9.3.7): confirms a release.
 *
 * <pre>
 * +------+------+-------------------+-------------------+
 * | 0x06 | rsvd | length = 4        | 4 reserved bytes  |
 * +------+------+-------------------+-------------------+
 * </pre>
 */
public record AReleaseRp() implements Pdu {
  @Override
  public int type() {
    return A_RELEASE_RP;
  }
}
