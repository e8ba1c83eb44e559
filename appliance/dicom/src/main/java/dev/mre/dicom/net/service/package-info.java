// SPDX-License-Identifier: Apache-2.0
/**
 * DIMSE (PS3.7): command sets, status codes named as in the standard, and the Verification and
 * Storage SCPs. Received objects go to a {@link dev.mre.dicom.net.service.StoreHandler} on the
 * "dicom-store" worker pool; the C-STORE response is sent only after it returned.
 */
package dev.mre.dicom.net.service;
