// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.net.Association;
import io.vertx.core.Future;

/** Verification SOP class SCP (PS3.4 Annex A): answers every C-ECHO-RQ with Success. */
public final class CEchoSCP implements DimseService {

  @Override
  public int commandField() {
    return Dimse.C_ECHO_RQ;
  }

  @Override
  public Future<CommandSet> onRequest(Association association, DimseMessage request) {
    return Future.succeededFuture(CommandSet.responseTo(request.command(), Status.Success, null));
  }
}
