// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

/**
 * One Upper Layer protocol data unit (PS3.8 section 9.3). Every PDU starts with the same header:
 *
 * <pre>
 *  0        1        2                                   6
 * +--------+--------+--------+--------+--------+--------+----------------------+
 * |  type  |reserved|     PDU length (unsigned, big endian)   |  variable field    |
 * +--------+--------+--------+--------+--------+--------+----------------------+
 * </pre>
 *
 * The records are immutable values; {@link PduDecoder} builds them from bytes and
 * {@link PduEncoder} writes them back. Neither knows anything of an association.
 */
public sealed interface Pdu
    permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq, AReleaseRp, AAbort {

  int A_ASSOCIATE_RQ = 0x01;
  int A_ASSOCIATE_AC = 0x02;
  int A_ASSOCIATE_RJ = 0x03;
  int P_DATA_TF = 0x04;
  int A_RELEASE_RQ = 0x05;
  int A_RELEASE_RP = 0x06;
  int A_ABORT = 0x07;

  /** Length of the common header: type, reserved, 4-byte length. */
  int HEADER_LENGTH = 6;

  /** The PDU type byte. */
  int type();
}
