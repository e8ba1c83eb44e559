// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import static dev.mre.dicom.net.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** DCMTK storescu sends to our DicomServer; what the StoreHandler wrote must match the originals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorescuInteropTest {

  static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

  Vertx vertx;
  DicomServer server;
  DirectoryStoreHandler handler;
  Path tmp;
  List<Path> images;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    this.tmp = tmp;
    vertx = Vertx.vertx();
    Path out = Files.createDirectories(tmp.resolve("received"));
    handler = new DirectoryStoreHandler(out);
    server = TestServers.start(vertx, TestServers.config(), handler);
    images = TestImages.writeMr(tmp.resolve("mr"), 5, 64, 64);
  }

  @AfterAll
  void stop() throws Exception {
    await(server.close());
    await(vertx.close());
  }

  /** Runs storescu against a second server that accepts only {@code tsuid}, so storescu must convert. */
  private void storescuToServerAcceptingOnly(String tsuid, String... args) throws Exception {
    DicomServer only = TestServers.start(vertx, TestServers.config()
        .withAcceptedContexts(java.util.Map.of(ServerConfig.ANY_SOP_CLASS, java.util.Set.of(tsuid))), handler);
    try {
      List<String> cmd = new ArrayList<>(List.of("storescu", "-aec", TestServers.AE));
      cmd.addAll(List.of(args));
      cmd.addAll(List.of("127.0.0.1", String.valueOf(only.actualPort())));
      images.forEach(p -> cmd.add(p.toString()));
      Dcmtk.Result r = Dcmtk.run(60, cmd.toArray(String[]::new));
      assertEquals(0, r.exit(), r.output());
    } finally {
      await(only.close());
    }
  }

  private Dcmtk.Result storescu(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "STORESCU", "-aec", TestServers.AE));
    cmd.addAll(List.of(args));
    cmd.add("127.0.0.1");
    cmd.add(String.valueOf(server.actualPort()));
    for (Path p : images) {
      cmd.add(p.toString());
    }
    Dcmtk.Result r = Dcmtk.run(60, cmd.toArray(String[]::new));
    assertEquals(0, r.exit(), r.output());
    return r;
  }

  private Path received(Path original) throws Exception {
    Path f = handler.dir.resolve(TestImages.sopInstanceUid(original) + ".dcm");
    assertTrue(Files.exists(f), "not stored: " + original);
    return f;
  }

  private void assertSameDataSets(String expectedTs) throws Exception {
    for (Path original : images) {
      Path stored = received(original);
      assertEquals(expectedTs, TestImages.transferSyntax(stored));
      assertEquals(TestImages.datasetDump(original), TestImages.datasetDump(stored), original.toString());
    }
  }

  @Test
  void manyFilesInOneAssociationInTheirOwnTransferSyntaxArriveByteForByte() throws Exception {
    storescu("-x=");
    for (Path original : images) {
      assertArrayEquals(TestImages.datasetBytes(original), TestImages.datasetBytes(received(original)));
    }
  }

  @Test
  void implicitLittleEndianFromStorescuXiIsStoredWithTheSameContent() throws Exception {
    storescu("-xi");
    assertSameDataSets(UID.ImplicitVRLittleEndian);
  }

  @Test
  void explicitLittleEndianFromStorescuXeIsStoredWithTheSameContent() throws Exception {
    storescu("-xe");
    assertSameDataSets(UID.ExplicitVRLittleEndian);
  }

  @Test
  void explicitBigEndianFromStorescuXbIsStoredWithTheSameContent() throws Exception {
    storescuToServerAcceptingOnly(UID.ExplicitVRBigEndian, "-xb");
    assertSameDataSets(UID.ExplicitVRBigEndian);
  }

  @Test
  void deflatedFromStorescuXdIsStoredWithTheSameContent() throws Exception {
    storescuToServerAcceptingOnly(UID.DeflatedExplicitVRLittleEndian, "-xd");
    assertSameDataSets(UID.DeflatedExplicitVRLittleEndian);
  }

  @Test
  void smallestMaxPdu4096IsHonouredBothWays() throws Exception {
    handler.received.clear();
    Dcmtk.Result r = storescu("--max-pdu", "4096", "-x=");
    assertEquals(images.size(), handler.received.size(), r.output());
    for (Path original : images) {
      assertArrayEquals(TestImages.datasetBytes(original), TestImages.datasetBytes(received(original)));
    }
  }

  @Test
  void largestMaxPdu131072IsHonouredBothWays() throws Exception {
    handler.received.clear();
    storescu("--max-pdu", "131072", "-x=");
    assertEquals(images.size(), handler.received.size());
  }

  @Test
  void pydicomSampleFilesArriveWithTheSameContent() throws Exception {
    for (String name : List.of("MR_small.dcm", "CT_small.dcm", "MR_small_bigendian.dcm")) {
      Path f = PYDICOM.resolve(name);
      Dcmtk.Result r = Dcmtk.run(60, "storescu", "-aec", TestServers.AE, "-x=", "127.0.0.1",
          String.valueOf(server.actualPort()), f.toString());
      assertEquals(0, r.exit(), r.output());
      assertEquals(TestImages.datasetDump(f), TestImages.datasetDump(received(f)), name);
    }
  }

  @Test
  void severalConcurrentAssociationsAllStore() throws Exception {
    handler.received.clear();
    List<Process> procs = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        List<String> cmd = new ArrayList<>(List.of(Dcmtk.tool("storescu"), "-aet", "SCU" + i, "-aec", TestServers.AE,
            "127.0.0.1", String.valueOf(server.actualPort())));
        images.forEach(p -> cmd.add(p.toString()));
        procs.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("scu" + i + ".log").toFile())
            .start());
      }
      for (Process p : procs) {
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
      }
    } finally {
      procs.forEach(Process::destroyForcibly);
    }
    assertEquals(3 * images.size(), handler.received.size());
    assertTrue(handler.threads.stream().allMatch(t -> t.startsWith("dicom-store")), handler.threads.toString());
  }
}
