// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static dev.mre.dicom.net.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EchoTest {

  Vertx vertx;
  DicomServer server;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    server = TestServers.start(vertx, TestServers.config(), new DirectoryStoreHandler(dir));
  }

  @AfterEach
  void stop() throws Exception {
    await(server.close());
    await(vertx.close());
  }

  @Test
  void ourClientEchoesOurServer() throws Exception {
    assertEquals(0, TestServers.echo(vertx, server.actualPort()));
  }

  @Test
  void dcmtkEchoscuEchoesOurServer() throws Exception {
    Dcmtk.Result r = Dcmtk.run(30, "echoscu", "-v", "-aet", "ECHOSCU", "-aec", TestServers.AE,
        "127.0.0.1", String.valueOf(server.actualPort()));
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
  }
}
