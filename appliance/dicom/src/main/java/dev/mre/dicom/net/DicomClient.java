// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.Implementation;
import dev.mre.dicom.net.pdu.AAssociateRq;
import dev.mre.dicom.net.pdu.PresentationContextItem;
import dev.mre.dicom.net.pdu.UserInformation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A DICOM requestor on a Vert.x NetClient: connects, sends A-ASSOCIATE-RQ with the proposed
 * contexts (IDs 1, 3, 5, ...; max operations window 1) and completes with the established
 * {@link Association}, or fails with an {@link AssociationException} (reject, abort, timeout).
 */
public final class DicomClient {

  private DicomClient() {}

  public static Future<Association> open(Vertx vertx, ClientConfig cfg, String calledAe, String host, int port,
                                         List<PresentationContext> proposed) {
    if (proposed.isEmpty() || proposed.size() > 128) {
      return Future.failedFuture(new IllegalArgumentException("propose 1 to 128 presentation contexts"));
    }
    List<PresentationContextItem> items = new ArrayList<>();
    for (int i = 0; i < proposed.size(); i++) {
      PresentationContext pc = proposed.get(i);
      items.add(PresentationContextItem.proposed(2 * i + 1, pc.abstractSyntax(), pc.transferSyntaxes()));
    }
    AAssociateRq rq = new AAssociateRq(1, calledAe, cfg.callingAe(), AAssociateRq.DICOM_APPLICATION_CONTEXT, items,
        new UserInformation(cfg.maxPduLengthReceive(), Implementation.CLASS_UID, Implementation.VERSION_NAME,
            1, 1, List.of()));
    NetClientOptions options = Tls.client(new NetClientOptions().setTcpNoDelay(true)
        .setConnectTimeout((int) cfg.connectTimeout().toMillis()), cfg.tls());
    NetClient client = vertx.createNetClient(options);
    io.vertx.core.Promise<Association> opened = io.vertx.core.Promise.promise();
    // the association lives on one event loop; connect from it so the socket shares it
    vertx.getOrCreateContext().runOnContext(v ->
        Association.request(vertx, cfg, rq, () -> client.connect(port, host)).onComplete(opened));
    Future<Association> f = opened.future();
    f.onFailure(e -> client.close());
    f.onSuccess(as -> as.closeFuture().onComplete(v -> client.close()));
    return f;
  }
}
