// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.net.Association;
import io.vertx.core.Future;

/**
 * The SCP side of one DIMSE operation. Called on the association's event loop with a complete
 * request; must not block (blocking work goes to {@link Association#storeExecutor()}). The
 * returned response command is sent by the association once the future completes.
 */
public interface DimseService {

  /** The request command field served, e.g. {@link Dimse#C_STORE_RQ}. */
  int commandField();

  Future<CommandSet> onRequest(Association association, DimseMessage request);
}
