// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.net.Association;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;

/**
 * The DIMSE services a {@link dev.mre.dicom.net.DicomServer} offers, by command field. A request
 * nobody serves is answered 0x0211 (Unrecognized Operation, PS3.7 C.5.4) and the association
 * stays up. A service whose future fails is answered 0x0110 (Processing Failure).
 */
public final class DimseServices {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DimseServices.class);

  private final Map<Integer, DimseService> byCommandField = new HashMap<>();

  private DimseServices(DimseService... services) {
    for (DimseService s : services) {
      byCommandField.put(s.commandField(), s);
    }
  }

  public static DimseServices of(DimseService... services) {
    return new DimseServices(services);
  }

  /** C-ECHO and C-STORE, the services of the appliance's storage SCP. */
  public static DimseServices verificationAndStorage(StoreHandler storeHandler) {
    return new DimseServices(new CEchoSCP(), new CStoreSCP(storeHandler));
  }

  /** Answers one request; never fails (failures become a failure status). */
  public Future<CommandSet> onRequest(Association as, DimseMessage rq) {
    DimseService service = byCommandField.get(rq.commandField());
    if (service == null) {
      LOG.info("{} << {}: not supported, answering 0211", as.label(), Dimse.nameOf(rq.commandField()));
      return Future.succeededFuture(CommandSet.responseTo(rq.command(), Status.UnrecognizedOperation,
          "operation not supported"));
    }
    try {
      return service.onRequest(as, rq).recover(err -> {
        LOG.warn("{} {} failed: {}", as.label(), Dimse.nameOf(rq.commandField()), err.toString());
        return Future.succeededFuture(CommandSet.responseTo(rq.command(), Status.ProcessingFailure,
            String.valueOf(err.getMessage())));
      });
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed: {}", as.label(), Dimse.nameOf(rq.commandField()), e.toString());
      return Future.succeededFuture(CommandSet.responseTo(rq.command(), Status.ProcessingFailure,
          String.valueOf(e.getMessage())));
    }
  }
}
