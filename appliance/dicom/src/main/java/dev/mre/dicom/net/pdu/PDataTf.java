// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import java.util.List;

/**
 * P-DATA-TF PDU (PS3.8 9.3.5): one or more presentation data value items.
 *
 * <pre>
 * +------+------+-----------+-------------+-------------+-----
 * | 0x04 | rsvd | length(4) | PDV item 1  | PDV item 2  | ...
 * +------+------+-----------+-------------+-------------+-----
 * </pre>
 */
public record PDataTf(List<Pdv> pdvs) implements Pdu {

  public PDataTf {
    pdvs = FrozenList.copyOf(pdvs);
  }

  @Override
  public int type() {
    return P_DATA_TF;
  }

  @Override
  public String toString() {
    return "P-DATA-TF" + pdvs;
  }
}
