// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 9.3.3). Same fixed layout as {@link AAssociateRq}, type 0x02; the AE
 * fields are reserved but by convention echo the request. Items: application context 0x10,
 * presentation context answers 0x21 (one per proposed context), user information 0x50.
 *
 * <pre>
 * +------+------+-----------+---------+------+-----------+------------+---------+-------------+
 * | 0x02 | rsvd | length(4) | version | rsvd | called AE | calling AE | 32 rsvd | 0x10 0x21.. |
 * +------+------+-----------+---------+------+-----------+------------+---------+-------------+
 * </pre>
 */
public record AAssociateAc(int protocolVersion, String calledAe, String callingAe, String applicationContext,
                           List<PresentationContextItem> presentationContexts, UserInformation userInformation)
    implements Pdu {

  public AAssociateAc {
    presentationContexts = FrozenList.copyOf(presentationContexts);
  }

  @Override
  public int type() {
    return A_ASSOCIATE_AC;
  }
}
