// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static dev.mre.dicom.net.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.net.service.Status;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** DICOM TLS with self-signed certificates made by openssl: DCMTK peers and our own client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

  Vertx vertx;
  DicomServer server;
  DirectoryStoreHandler handler;
  Path tmp;
  Path serverKey;
  Path serverCert;
  Path clientKey;
  Path clientCert;

  static void selfSigned(Path key, Path cert, String cn) throws Exception {
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
        "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + cn).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + out);
  }

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    this.tmp = tmp;
    serverKey = tmp.resolve("server-key.pem");
    serverCert = tmp.resolve("server-cert.pem");
    clientKey = tmp.resolve("client-key.pem");
    clientCert = tmp.resolve("client-cert.pem");
    selfSigned(serverKey, serverCert, "mre-appliance");
    selfSigned(clientKey, clientCert, "modality");
    vertx = Vertx.vertx();
    handler = new DirectoryStoreHandler(Files.createDirectories(tmp.resolve("in")));
    // client certificates are requested and, when sent, must be the trusted one
    server = TestServers.start(vertx, TestServers.config()
        .withTls(new TlsConfig(serverCert, serverKey, clientCert, false)), handler);
  }

  @AfterAll
  void stop() throws Exception {
    await(server.close());
    await(vertx.close());
  }

  @Test
  void echoscuOverTlsEchoesOurServer() throws Exception {
    Dcmtk.Result r = Dcmtk.run(30, "echoscu", "+tla", "+cf", serverCert.toString(), "-aec", TestServers.AE,
        "127.0.0.1", String.valueOf(server.actualPort()));
    assertEquals(0, r.exit(), r.output());
  }

  @Test
  void storescuOverMutualTlsStoresToOurServer() throws Exception {
    List<Path> images = TestImages.writeMr(tmp.resolve("mr"), 2, 32, 32);
    Dcmtk.Result r = Dcmtk.run(30, "storescu", "+tls", clientKey.toString(), clientCert.toString(),
        "+cf", serverCert.toString(), "-aec", TestServers.AE, "127.0.0.1", String.valueOf(server.actualPort()),
        images.get(0).toString(), images.get(1).toString());
    assertEquals(0, r.exit(), r.output());
    for (Path f : images) {
      assertTrue(Files.exists(handler.dir.resolve(TestImages.sopInstanceUid(f) + ".dcm")));
    }
  }

  @Test
  void ourClientOverTlsEchoesAndStoresToOurServer() throws Exception {
    ClientConfig cfg = TestServers.client().withTls(new TlsConfig(clientCert, clientKey, serverCert, false));
    Association as = await(DicomClient.open(vertx, cfg, TestServers.AE, "127.0.0.1", server.actualPort(),
        List.of(PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian),
            PresentationContext.of(UID.MRImageStorage, UID.ExplicitVRLittleEndian))));
    assertEquals(Status.Success, await(as.cecho()));
    byte[] data = dev.mre.dicom.io.DicomWriter.writeDataset(TestImages.mr(77, 16, 16), UID.ExplicitVRLittleEndian);
    assertEquals(Status.Success, await(as.cstore(UID.MRImageStorage, TestImages.STUDY + ".2.77",
        UID.ExplicitVRLittleEndian, data)).status());
    await(as.release());
  }

  @Test
  void ourClientRefusesAServerCertificateItDoesNotTrust() {
    ClientConfig cfg = TestServers.client().withTls(new TlsConfig(null, null, clientCert, false));
    assertThrows(ExecutionException.class, () -> await(DicomClient.open(vertx, cfg, TestServers.AE, "127.0.0.1",
        server.actualPort(), List.of(PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian)))));
  }

  @Test
  void plainTcpClientGetsNoAssociationFromTheTlsPort() {
    assertThrows(ExecutionException.class, () -> await(DicomClient.open(vertx, TestServers.client(), TestServers.AE,
        "127.0.0.1", server.actualPort(), List.of(PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian)))));
  }
}
