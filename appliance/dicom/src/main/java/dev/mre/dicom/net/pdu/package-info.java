// SPDX-License-Identifier: Apache-2.0
/**
 * The seven PDUs of PS3.8 section 9.3 as immutable records, with a stateless codec: the decoder
 * frames (returns null while a PDU is incomplete), enforces maximum lengths before allocating, and
 * never reaches into an association. Depends on nothing but the JDK.
 */
package dev.mre.dicom.net.pdu;
