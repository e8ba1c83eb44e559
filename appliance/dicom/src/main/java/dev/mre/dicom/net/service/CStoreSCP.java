// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.io.DicomParseException;
import dev.mre.dicom.io.DicomReader;
import dev.mre.dicom.net.Association;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage SCP (PS3.4 Annex B). On the association's "dicom-store" worker (ordered): parse the
 * data set (unparseable: 0xC000; binary values over {@value #BULK_LIMIT} bytes, such as the pixel
 * data, are checked but not copied into {@link StoreRequest#dataset()}), compare its SOP
 * Class/Instance UIDs with the command's (differ: 0xA900), then call the {@link StoreHandler}; its
 * status, or its {@link DicomServiceException}'s, is the response. The response is built only
 * after the handler returned.
 */
public final class CStoreSCP implements DimseService {

  private static final Logger LOG = LoggerFactory.getLogger(CStoreSCP.class);

  private final StoreHandler handler;
  /** Binary values longer than this are not kept in {@link StoreRequest#dataset()}. */
  static final int BULK_LIMIT = 1024;

  public CStoreSCP(StoreHandler handler) {
    this.handler = handler;
  }

  @Override
  public int commandField() {
    return Dimse.C_STORE_RQ;
  }

  @Override
  public Future<CommandSet> onRequest(Association as, DimseMessage rq) {
    String tsuid = as.transferSyntax(rq.presentationContextId());
    return as.storeExecutor().executeBlocking(() -> store(as, rq, tsuid), true)
        .onSuccess(rsp -> logResponse(as, rq, rsp));
  }

  /**
   * The store handler writes the one INFO line per stored object; here successes and warnings go
   * to DEBUG, and refusals decided at this level (0122, A900, C000, ...) to WARN with the reason.
   */
  private static void logResponse(Association as, DimseMessage rq, CommandSet rsp) {
    int status = rsp.getInt(Tag.Status, -1);
    boolean ok = status == Status.Success || Status.isWarning(status);
    if (ok && !LOG.isDebugEnabled()) {
      return;                  // the usual case: nothing to format
    }
    String iuid = rq.command().getString(Tag.AffectedSOPInstanceUID);
    int bytes = rq.data() == null ? 0 : rq.data().length;
    if (ok) {
      LOG.debug("{} >> C-STORE-RSP {} {} bytes: status {}", as.label(), iuid, bytes, Status.hex(status));
    } else {
      LOG.warn("{} >> C-STORE-RSP {} {} bytes: status {} ({})", as.label(), iuid, bytes,
          Status.hex(status), rsp.getString(Tag.ErrorComment));
    }
  }

  private CommandSet store(Association as, DimseMessage rq, String tsuid) {
    CommandSet cmd = rq.command();
    String cuid = cmd.getString(Tag.AffectedSOPClassUID);
    String iuid = cmd.getString(Tag.AffectedSOPInstanceUID);
    if (cuid == null || !cuid.equals(as.abstractSyntax(rq.presentationContextId()))) {
      return CommandSet.responseTo(cmd, Status.SOPClassNotSupported,
          "SOP class not negotiated on presentation context " + rq.presentationContextId());
    }
    if (rq.data() == null) {
      return CommandSet.responseTo(cmd, Status.CannotUnderstand, "C-STORE-RQ without data set");
    }
    Attributes ds;
    try {
      // the whole data set is parsed and checked; pixel data and other bulk values are not copied
      ds = DicomReader.readDatasetWithoutBulkData(rq.data(), 0, rq.data().length, tsuid, as.label(), BULK_LIMIT);
    } catch (DicomParseException | RuntimeException | StackOverflowError e) {
      return CommandSet.responseTo(cmd, Status.CannotUnderstand, "unparseable data set: " + e.getMessage());
    }
    String dsCuid = ds.getString(Tag.SOPClassUID);
    String dsIuid = ds.getString(Tag.SOPInstanceUID);
    if (iuid == null || !cuid.equals(dsCuid) || !iuid.equals(dsIuid)) {
      return CommandSet.responseTo(cmd, Status.DataSetDoesNotMatchSOPClass,
          "SOP Class/Instance UID in data set differs from the command");
    }
    try {
      int status = handler.store(new StoreRequest(as.label(), as.callingAe(), as.calledAe(),
          rq.presentationContextId(), cuid, iuid, tsuid, ds, rq.data()));
      return CommandSet.responseTo(cmd, status, null);
    } catch (DicomServiceException e) {
      return CommandSet.responseTo(cmd, e.status(), e.errorComment());
    }
  }
}
