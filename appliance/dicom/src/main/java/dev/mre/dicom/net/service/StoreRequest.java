// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.data.Attributes;

/**
 * One received C-STORE, handed to a {@link StoreHandler} after the data set parsed and its UIDs
 * matched the command.
 *
 * @param association the association label, "CALLING->CALLED(n)"
 * @param dataset parsed from {@code datasetBytes}; for the UIDs and routing: binary values over
 *                1 KiB (pixel data) are left out; {@code datasetBytes} holds them
 * @param datasetBytes the data set exactly as received, in {@code transferSyntaxUid}
 */
public record StoreRequest(String association, String callingAe, String calledAe, int presentationContextId,
                           String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                           Attributes dataset, byte[] datasetBytes) {}
