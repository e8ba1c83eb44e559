// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static dev.mre.dicom.net.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.net.service.DimseStatus;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our DicomClient against a real DCMTK storescp started by the test. */
class StorescpInteropTest {

  Vertx vertx;
  Process storescp;
  int port;
  @TempDir Path tmp;
  Path out;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    out = Files.createDirectories(tmp.resolve("storescp"));
  }

  @AfterEach
  void stop() throws Exception {
    if (storescp != null) {
      storescp.destroyForcibly().waitFor();
    }
    await(vertx.close());
  }

  private void startStorescp(String... extra) throws Exception {
    port = Dcmtk.freePort();
    List<String> cmd = new java.util.ArrayList<>(List.of("storescp", "-aet", "STORESCP", "+xa", "-od", out.toString()));
    cmd.addAll(List.of(extra));
    cmd.add(String.valueOf(port));
    storescp = Dcmtk.start(tmp.resolve("storescp.log"), cmd.toArray(String[]::new));
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) { // wait until it listens
      try (var s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException e) {
        assertTrue(storescp.isAlive(), "storescp exited: " + Files.readString(tmp.resolve("storescp.log")));
        assertTrue(System.currentTimeMillis() < deadline, "storescp did not listen");
        Thread.sleep(50);
      }
    }
  }

  private Association open(ClientConfig cfg, PresentationContext... pcs) throws Exception {
    return await(DicomClient.open(vertx, cfg, "STORESCP", "127.0.0.1", port, List.of(pcs)));
  }

  @Test
  void ourClientEchoesStorescp() throws Exception {
    startStorescp();
    Association as = open(TestServers.client(),
        PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian));
    assertEquals(0, await(as.cecho()));
    await(as.release());
  }

  @Test
  void ourClientStoresToStorescpAndItWritesTheSameDataSets() throws Exception {
    startStorescp();
    List<Path> images = TestImages.writeMr(tmp.resolve("mr"), 4, 128, 128);
    storeAll(TestServers.client(), images);
    assertStoredUnchanged(images);
  }

  @Test
  void ourClientFragmentsToStorescpsMaxPdu4096() throws Exception {
    startStorescp("--max-pdu", "4096");
    List<Path> images = TestImages.writeMr(tmp.resolve("mr"), 2, 128, 128);
    Association as = storeAll(TestServers.client(), images);
    assertEquals(4096, as.peerMaxPduLength());
    assertStoredUnchanged(images);
  }

  @Test
  void ourClientAnnouncingMaxPdu4096StoresToStorescp() throws Exception {
    startStorescp();
    List<Path> images = TestImages.writeMr(tmp.resolve("mr"), 1, 64, 64);
    storeAll(TestServers.client().withMaxPduLengthReceive(4096), images);
    assertStoredUnchanged(images);
  }

  private Association storeAll(ClientConfig cfg, List<Path> images) throws Exception {
    Association as = open(cfg, PresentationContext.of(UID.MRImageStorage, UID.ExplicitVRLittleEndian));
    String ts = as.acceptedTransferSyntax(UID.MRImageStorage, UID.ExplicitVRLittleEndian);
    assertEquals(UID.ExplicitVRLittleEndian, ts);
    for (Path f : images) {
      DimseStatus st = await(as.cstore(UID.MRImageStorage, TestImages.sopInstanceUid(f), ts, TestImages.datasetBytes(f)));
      assertTrue(st.success(), st.toString());
    }
    await(as.release());
    return as;
  }

  private void assertStoredUnchanged(List<Path> images) throws Exception {
    Map<String, Path> written = new HashMap<>();
    try (Stream<Path> s = Files.list(out)) {
      for (Path p : s.toList()) {
        written.put(TestImages.sopInstanceUid(p), p);
      }
    }
    for (Path f : images) {
      Path w = written.get(TestImages.sopInstanceUid(f));
      assertNotNull(w, "storescp did not write " + f);
      assertArrayEquals(TestImages.datasetBytes(f), TestImages.datasetBytes(w));
      assertEquals(TestImages.datasetDump(f), TestImages.datasetDump(w));
    }
  }
}
