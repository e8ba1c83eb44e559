// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static dev.mre.dicom.net.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.net.pdu.AAssociateRj;
import dev.mre.dicom.net.service.DicomServiceException;
import dev.mre.dicom.net.service.DimseStatus;
import dev.mre.dicom.net.service.Status;
import dev.mre.dicom.net.service.StoreRequest;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our DicomClient against our DicomServer: C-STORE status mapping and association behaviour. */
class ClientServerTest {

  static final String CT = RawDataSets.CT;

  Vertx vertx;
  DicomServer server;
  @TempDir Path dir;
  DirectoryStoreHandler disk;
  final AtomicLong handlerReturnedAt = new AtomicLong();

  /** Stores to disk, except for instance UIDs that ask for a specific outcome. */
  int handle(StoreRequest rq) throws DicomServiceException {
    String iuid = rq.sopInstanceUid();
    if (iuid.endsWith(".999")) {
      throw new DicomServiceException(Status.OutOfResources, "disk full");
    }
    if (iuid.endsWith(".998")) {
      throw new IllegalStateException("bug in handler");
    }
    int status = disk.store(rq);
    if (iuid.endsWith(".997")) {
      try {
        Thread.sleep(300); // a slow fsync
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    handlerReturnedAt.set(System.nanoTime());
    return iuid.endsWith(".996") ? Status.CoercionOfDataElements : status;
  }

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    disk = new DirectoryStoreHandler(dir);
    server = TestServers.start(vertx, TestServers.config().withMaxObjectSize(64 * 1024), this::handle);
  }

  @AfterEach
  void stop() throws Exception {
    await(server.close());
    await(vertx.close());
  }

  Association open(ClientConfig cfg, int port) throws Exception {
    return await(DicomClient.open(vertx, cfg, TestServers.AE, "127.0.0.1", port, List.of(
        PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian),
        PresentationContext.of(UID.MRImageStorage, UID.ExplicitVRLittleEndian),
        PresentationContext.of(CT, UID.ExplicitVRLittleEndian))));
  }

  Association open() throws Exception {
    return open(TestServers.client(), server.actualPort());
  }

  static byte[] mr(int n, int size) {
    return DicomWriter.writeDataset(TestImages.mr(n, size, size), UID.ExplicitVRLittleEndian);
  }

  DimseStatus store(Association as, String iuid, byte[] data) throws Exception {
    return await(as.cstore(UID.MRImageStorage, iuid, UID.ExplicitVRLittleEndian, data));
  }

  @Test
  void storedBytesReachTheHandlerUnchangedOnAStoreWorker() throws Exception {
    Association as = open();
    byte[] data = mr(1, 64);
    assertEquals(Status.Success, store(as, TestImages.STUDY + ".2.1", data).status());
    await(as.release());
    StoreRequest rq = disk.received.get(0);
    assertArrayEquals(data, rq.datasetBytes());
    assertEquals(TestImages.STUDY, rq.dataset().getString(Tag.StudyInstanceUID));
    assertEquals("TEST_SCU", rq.callingAe());
    assertTrue(rq.association().matches("TEST_SCU->MRE_TEST\\(\\d+\\)"), rq.association());
    assertTrue(disk.threads.get(0).startsWith("dicom-store"), disk.threads.get(0));
  }

  @Test
  void successResponseArrivesOnlyAfterTheHandlerReturned() throws Exception {
    Association as = open();
    Attributes ds = TestImages.mr(997, 8, 8);
    ds.setString(Tag.SOPInstanceUID, dev.mre.dicom.data.VR.UI, "1.2.3.997");
    store(as, "1.2.3.997", DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian));
    long responseAt = System.nanoTime();
    assertTrue(handlerReturnedAt.get() != 0 && handlerReturnedAt.get() < responseAt);
    await(as.release());
  }

  @Test
  void uidsDifferingFromTheCommandAreAnsweredA900() throws Exception {
    Association as = open();
    DimseStatus st = store(as, "1.2.3.4.5", mr(1, 8));
    assertEquals(Status.DataSetDoesNotMatchSOPClass, st.status());
    assertEquals(0, await(as.cecho()), "the association stays up");
    await(as.release());
  }

  @Test
  void sopClassDifferingFromTheCommandIsAnsweredA900() throws Exception {
    Association as = open();
    byte[] ct = RawDataSets.withUids(CT, "1.2.3").toByteArray();
    DimseStatus st = store(as, "1.2.3", ct);
    assertEquals(Status.DataSetDoesNotMatchSOPClass, st.status());
    await(as.release());
  }

  @Test
  void elementLengthBeyondTheDataIsAnsweredC000() throws Exception {
    Association as = open();
    byte[] bad = RawDataSets.withUids(UID.MRImageStorage, "1.2.3").shortHeader(0x00100010, "PN", 0x1000)
        .bytes("ABCD".getBytes()).toByteArray();
    DimseStatus st = store(as, "1.2.3", bad);
    assertEquals(Status.CannotUnderstand, st.status());
    assertTrue(st.errorComment() != null && !st.errorComment().isEmpty());
    assertEquals(0, await(as.cecho()));
    await(as.release());
  }

  @Test
  void oddElementLengthIsAnsweredAndTheAssociationSurvives() throws Exception {
    Association as = open();
    byte[] odd = RawDataSets.withUids(UID.MRImageStorage, "1.2.3").text(0x00100010, "PN", "ABCDE").toByteArray();
    DimseStatus st = store(as, "1.2.3", odd);
    assertTrue(st.status() == Status.Success || st.status() == Status.CannotUnderstand, st.toString());
    assertEquals(0, await(as.cecho()));
    await(as.release());
  }

  @Test
  void thousandDeepNestedSequencesAreAnsweredAndTheServerSurvives() throws Exception {
    Association as = open();
    byte[] deep = RawDataSets.withUids(UID.MRImageStorage, "1.2.3").nestedSequences(1000).toByteArray();
    DimseStatus st = store(as, "1.2.3", deep);
    assertTrue(st.status() == Status.Success || st.status() == Status.CannotUnderstand, st.toString());
    assertEquals(0, await(as.cecho()));
    await(as.release());
    assertEquals(0, TestServers.echo(vertx, server.actualPort()));
  }

  @Test
  void handlerServiceExceptionBecomesTheResponseStatus() throws Exception {
    Association as = open();
    Attributes ds = TestImages.mr(1, 8, 8);
    ds.setString(Tag.SOPInstanceUID, dev.mre.dicom.data.VR.UI, "1.2.3.999");
    DimseStatus st = store(as, "1.2.3.999", DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian));
    assertEquals(new DimseStatus(Status.OutOfResources, "disk full"), st);
    await(as.release());
  }

  @Test
  void handlerWarningIsPassedThrough() throws Exception {
    Association as = open();
    Attributes ds = TestImages.mr(1, 8, 8);
    ds.setString(Tag.SOPInstanceUID, dev.mre.dicom.data.VR.UI, "1.2.3.996");
    assertEquals(Status.CoercionOfDataElements,
        store(as, "1.2.3.996", DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian)).status());
    await(as.release());
  }

  @Test
  void handlerBugIsAnsweredProcessingFailure() throws Exception {
    Association as = open();
    Attributes ds = TestImages.mr(1, 8, 8);
    ds.setString(Tag.SOPInstanceUID, dev.mre.dicom.data.VR.UI, "1.2.3.998");
    assertEquals(Status.ProcessingFailure,
        store(as, "1.2.3.998", DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian)).status());
    assertEquals(0, await(as.cecho()));
    await(as.release());
  }

  @Test
  void objectOverTheMaximumSizeIsAnsweredA700AndTheAssociationContinues() throws Exception {
    Association as = open();
    assertEquals(Status.OutOfResources, store(as, TestImages.STUDY + ".2.1", mr(1, 256)).status());
    assertEquals(Status.Success, store(as, TestImages.STUDY + ".2.2", mr(2, 16)).status());
    await(as.release());
  }

  @Test
  void smallServerMaxPduMakesTheClientFragment() throws Exception {
    DicomServer small = TestServers.start(vertx, TestServers.config().withMaxPduLengthReceive(4096), this::handle);
    try {
      Association as = open(TestServers.client(), small.actualPort());
      assertEquals(4096, as.peerMaxPduLength());
      byte[] data = mr(3, 100);
      assertEquals(Status.Success, store(as, TestImages.STUDY + ".2.3", data).status());
      await(as.release());
      assertArrayEquals(data, disk.received.get(0).datasetBytes());
    } finally {
      await(small.close());
    }
  }

  @Test
  void manyStoresInOneAssociationAllSucceed() throws Exception {
    Association as = open();
    for (int i = 1; i <= 20; i++) {
      assertEquals(Status.Success, store(as, TestImages.STUDY + ".2." + i, mr(i, 32)).status());
    }
    await(as.release());
    assertEquals(20, disk.received.size());
  }

  @Test
  void storeWithoutAnAcceptedContextFailsLocally() throws Exception {
    Association as = open();
    assertThrows(ExecutionException.class,
        () -> await(as.cstore(UID.MRImageStorage, "1.2", UID.ExplicitVRBigEndian, new byte[0])));
    assertEquals(UID.ExplicitVRLittleEndian, as.acceptedTransferSyntax(UID.MRImageStorage));
    assertEquals(null, as.acceptedTransferSyntax("1.2.3.4.5"));
    await(as.release());
  }

  @Test
  void wrongCalledAeIsRejectedWithReason7() throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(DicomClient.open(vertx,
        TestServers.client(), "NOT_US", "127.0.0.1", server.actualPort(),
        List.of(PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian)))));
    AssociationException ae = assertInstanceOf(AssociationException.class, e.getCause());
    assertEquals(new AAssociateRj(1, 1, 7), ae.reject());
  }

  @Test
  void callingAeOutsideTheAllowListIsRejectedWithReason3() throws Exception {
    DicomServer strict = TestServers.start(vertx, TestServers.config().withCallingAeAllowList(java.util.Set.of("MODALITY")),
        this::handle);
    try {
      ExecutionException e = assertThrows(ExecutionException.class, () -> open(TestServers.client(), strict.actualPort()));
      assertEquals(new AAssociateRj(1, 1, 3), assertInstanceOf(AssociationException.class, e.getCause()).reject());
      Association ok = open(TestServers.client().withCallingAe("MODALITY"), strict.actualPort());
      await(ok.release());
    } finally {
      await(strict.close());
    }
  }

  @Test
  void handlerSlowerThanTheIdleTimeoutDoesNotAbortTheAssociation() throws Exception {
    DicomServer quick = TestServers.start(vertx, TestServers.config()
        .withTimeouts(java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(200)), this::handle);
    try {
      Association as = open(TestServers.client(), quick.actualPort());
      Attributes ds = TestImages.mr(1, 8, 8);
      ds.setString(Tag.SOPInstanceUID, dev.mre.dicom.data.VR.UI, "1.2.3.997"); // handler sleeps 300 ms
      assertEquals(Status.Success, store(as, "1.2.3.997", DicomWriter.writeDataset(ds, UID.ExplicitVRLittleEndian)).status());
      assertEquals(Status.Success, await(as.cecho()));
      await(as.release());
    } finally {
      await(quick.close());
    }
  }

  @Test
  void abortEndsTheAssociationOnBothSides() throws Exception {
    Association as = open();
    as.abort();
    await(as.closeFuture());
    assertThrows(ExecutionException.class, () -> await(as.cecho()));
  }
}
