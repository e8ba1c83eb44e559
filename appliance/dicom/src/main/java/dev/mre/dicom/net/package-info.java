// SPDX-License-Identifier: Apache-2.0
/**
 * DICOM networking on Vert.x: the Upper Layer protocol of PS3.8 ({@link dev.mre.dicom.net.Association}
 * with the state machine {@link dev.mre.dicom.net.State} Sta1..Sta13, events Evt1..Evt19 and the
 * actions AE-1..AA-8 of Table 9-10), the acceptor {@link dev.mre.dicom.net.DicomServer} and the
 * requestor {@link dev.mre.dicom.net.DicomClient}, plain TCP or DICOM TLS. Nothing here blocks an
 * event loop. PDUs are in {@code net.pdu}, DIMSE services in {@code net.service}.
 */
package dev.mre.dicom.net;
