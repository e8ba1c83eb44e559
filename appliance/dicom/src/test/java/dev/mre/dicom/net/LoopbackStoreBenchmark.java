// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.net.service.DimseServices;
import dev.mre.dicom.net.service.Status;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Benchmark (a main class, not a test): the cost of the protocol stack alone. Our DicomClient
 * sends one 256x256 16-bit MR data set over and over to our DicomServer in the same JVM, whose
 * store handler does nothing; prints ms per C-STORE for successive rounds (the first ones include
 * JIT compilation). Run after {@code mvn -B -DskipTests package} and
 * {@code mvn -B -q -pl appliance/dicom test-compile}:
 * <pre>java -cp appliance/target/mre-appliance.jar:appliance/dicom/target/test-classes \
 *     dev.mre.dicom.net.LoopbackStoreBenchmark [ROUNDS] [PER_ROUND]</pre>
 */
public final class LoopbackStoreBenchmark {
  private LoopbackStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    Vertx vertx = Vertx.vertx();
    try {
      DicomServer server = DicomServer.start(vertx, ServerConfig.defaults().withPort(0),
          DimseServices.verificationAndStorage(rq -> Status.Success)).toCompletionStage().toCompletableFuture().get();
      Attributes ds = TestImages.mr(1, 256, 256);
      byte[] bytes = DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian);
      String cuid = ds.getString(Tag.SOPClassUID);
      String iuid = ds.getString(Tag.SOPInstanceUID);
      Association as = DicomClient.open(vertx, ClientConfig.defaults(), server.config().aeTitle(), "127.0.0.1",
          server.actualPort(), List.of(PresentationContext.of(cuid, UID.ExplicitVRLittleEndian)))
          .toCompletionStage().toCompletableFuture().get();
      System.out.printf("| round | C-STOREs | ms per C-STORE | per second |%n|---|---|---|---|%n");
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < perRound; i++) {
          as.cstore(cuid, iuid, UID.ExplicitVRLittleEndian, bytes).toCompletionStage().toCompletableFuture().get();
        }
        double ms = (System.nanoTime() - t0) / 1e6 / perRound;
        System.out.printf("| %d | %d | %.3f | %.0f |%n", r, perRound, ms, 1000 / ms);
      }
      as.release().toCompletionStage().toCompletableFuture().get();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
