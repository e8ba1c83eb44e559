// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

/**
 * Where received objects go. The one contract that keeps a success response honest: the C-STORE
 * response is sent only after {@link #store} returned, so it must not return before the object
 * is durable.
 */
@FunctionalInterface
public interface StoreHandler {

  /**
   * Runs on a "dicom-store" worker thread, never the event loop; calls from one association are
   * ordered. Returns only once the object is durable, with the success or warning status to send
   * (0x0000, 0xB000, ...).
   *
   * @throws DicomServiceException carrying the failure status, e.g. 0xA700 on a full disk
   */
  int store(StoreRequest request) throws DicomServiceException;
}
