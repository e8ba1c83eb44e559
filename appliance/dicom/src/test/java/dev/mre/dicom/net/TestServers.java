// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.net.service.DimseServices;
import dev.mre.dicom.net.service.StoreHandler;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Server and client configurations shared by the network tests. */
final class TestServers {

  private TestServers() {}

  static final String AE = "MRE_TEST";
  static final Set<String> ALL_TS = Set.of(UID.ImplicitVRLittleEndian,
      UID.ExplicitVRLittleEndian, UID.ExplicitVRBigEndian,
      UID.DeflatedExplicitVRLittleEndian);

  /** Port 0, AE MRE_TEST, any SOP class in the four uncompressed syntaxes, short timeouts. */
  static ServerConfig config() {
    return ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withAeTitle(AE)
        .withAcceptedContexts(Map.of(ServerConfig.ANY_SOP_CLASS, ALL_TS))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  static DicomServer start(Vertx vertx, ServerConfig cfg, StoreHandler handler) throws Exception {
    return DicomServer.start(vertx, cfg, DimseServices.verificationAndStorage(handler))
        .toCompletionStage().toCompletableFuture().get();
  }

  static ClientConfig client() {
    return ClientConfig.defaults().withCallingAe("TEST_SCU")
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** Opens an association with only Verification proposed, echoes, releases; returns the status. */
  static int echo(Vertx vertx, int port) throws Exception {
    Association as = await(DicomClient.open(vertx, client(), AE, "127.0.0.1", port,
        List.of(PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian))));
    int status = await(as.cecho());
    await(as.release());
    return status;
  }

  static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
  }
}
