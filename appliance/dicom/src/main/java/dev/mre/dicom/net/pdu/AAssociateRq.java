// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-RQ PDU (PS3.8 9.3.2).
 *
 * <pre>
 *  0      1      2           6          8        10          26           42          74
 * +------+------+-----------+----------+--------+-----------+------------+-----------+-------------+
 * | 0x01 | rsvd | length(4) | version  |  rsvd  | called AE | calling AE | 32 rsvd   | items ...   |
 * |      |      |           | (2) = 1  |  (2)   |   (16)    |    (16)    |           | 0x10 0x20.. |
 * +------+------+-----------+----------+--------+-----------+------------+-----------+-------------+
 * items: application context 0x10, presentation contexts 0x20, user information 0x50
 * </pre>
 */
public record AAssociateRq(int protocolVersion, String calledAe, String callingAe, String applicationContext,
                           List<PresentationContextItem> presentationContexts, UserInformation userInformation)
    implements Pdu {

  /** The DICOM application context name (PS3.7 A.2.1). */
  public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

  public AAssociateRq {
    presentationContexts = FrozenList.copyOf(presentationContexts);
  }

  @Override
  public int type() {
    return A_ASSOCIATE_RQ;
  }
}
