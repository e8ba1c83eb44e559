// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.Tag;
import static dev.mre.dicom.net.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.dicom.net.pdu.AAbort;
import dev.mre.dicom.net.pdu.AAssociateRj;
import dev.mre.dicom.net.pdu.PDataTf;
import dev.mre.dicom.net.pdu.PduEncoder;
import dev.mre.dicom.net.pdu.Pdv;
import dev.mre.dicom.net.pdu.PresentationContextItem;
import dev.mre.dicom.net.service.CommandSet;
import dev.mre.dicom.net.service.Dimse;
import dev.mre.dicom.net.service.Status;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken peers: after each, the server must still answer a C-ECHO. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  Vertx vertx;
  DicomServer server;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    vertx = Vertx.vertx();
    server = TestServers.start(vertx, TestServers.config().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
        .withMaxAssociations(3), new DirectoryStoreHandler(dir));
  }

  @AfterEach
  void serverStillServes() throws Exception {
    assertEquals(Status.Success, TestServers.echo(vertx, server.actualPort()));
  }

  @AfterAll
  void stop() throws Exception {
    await(server.close());
    await(vertx.close());
  }

  RawPeer peer() throws Exception {
    return new RawPeer(server.actualPort());
  }

  @Test
  void connectionClosedInTheMiddleOfAPdu() throws Exception {
    byte[] rq = PduEncoder.encode(RawPeer.rq(TestServers.AE, RawPeer.verification(1)));
    try (RawPeer p = peer()) {
      p.send(Arrays.copyOf(rq, rq.length / 2));
    }
    try (RawPeer p = peer()) {
      p.associate();
      byte[] pdata = PduEncoder.encode(new PDataTf(List.of(Pdv.of(1, true, true, new byte[100]))));
      p.send(Arrays.copyOf(pdata, 50));
    }
  }

  @Test
  void pduLengthOf0xFFFFFFFFIsAbortedBeforeAnyAllocation() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      p.send(new byte[] {4, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
      p.expectAbortThenClose(AAbort.INVALID_PDU_PARAMETER_VALUE);
    }
  }

  @Test
  void pdvLengthThatWouldOverflowIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      p.send(new byte[] {4, 0, 0, 0, 0, 6, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFA, 1, 3});
      p.expectAbortThenClose(AAbort.INVALID_PDU_PARAMETER_VALUE);
    }
  }

  @Test
  void unknownPduTypeIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      p.send(new byte[] {0x0A, 0, 0, 0, 0, 4, 0, 0, 0, 0});
      p.expectAbortThenClose(AAbort.UNRECOGNIZED_PDU);
    }
  }

  @Test
  void httpRequestOnTheDicomPortIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      p.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes());
      p.expectAbortThenClose(AAbort.UNRECOGNIZED_PDU);
    }
  }

  @Test
  void pDataBeforeAssociationIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      p.send(new PDataTf(List.of(Pdv.of(1, true, true, new byte[10]))));
      p.expectAbortThenClose(AAbort.UNEXPECTED_PDU);
    }
  }

  @Test
  void evenPresentationContextIdIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      // the encoder writes what it is given; the decoder on the server refuses it
      p.send(RawPeer.rq(TestServers.AE, PresentationContextItem.proposed(2, UID.Verification,
          List.of(UID.ImplicitVRLittleEndian))));
      p.expectAbortThenClose(AAbort.INVALID_PDU_PARAMETER_VALUE);
    }
  }

  @Test
  void slowSenderThatStallsInsideTheAssociateRequestIsClosedByArtim() throws Exception {
    byte[] rq = PduEncoder.encode(RawPeer.rq(TestServers.AE, RawPeer.verification(1)));
    try (RawPeer p = peer()) {
      long t0 = System.nanoTime();
      p.send(Arrays.copyOf(rq, rq.length / 2));
      p.assertClosedByServer();
      assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }
  }

  @Test
  void slowSenderThatStallsInsideAPDataIsAbortedAfterTheIdleTimeout() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      byte[] pdata = PduEncoder.encode(new PDataTf(List.of(Pdv.of(1, true, true, new byte[100]))));
      p.send(Arrays.copyOf(pdata, 50));
      assertEquals(AAbort.byServiceUser(), p.read());
      p.assertClosedByServer();
    }
  }

  @Test
  void associationFloodGetsTransientRejectsAndTheServerRecovers() throws Exception {
    List<RawPeer> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        RawPeer p = peer();
        held.add(p);
        p.associate();
      }
      List<RawPeer> extras = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          RawPeer extra = peer();
          extras.add(extra);
          extra.send(RawPeer.rq(TestServers.AE, RawPeer.verification(1)));
        }
        for (RawPeer extra : extras) {
          assertEquals(new AAssociateRj(2, 3, 2), extra.read());
        }
        for (RawPeer extra : extras) {
          extra.assertClosedByServer();
        }
      } finally {
        for (RawPeer extra : extras) {
          extra.close();
        }
      }
    } finally {
      for (RawPeer p : held) {
        p.close();
      }
    }
    long deadline = System.currentTimeMillis() + 5000;
    while (server.activeAssociations() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void unsupportedCommandIsAnsweredWithUnrecognizedOperation() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      CommandSet find = new CommandSet().setUI(Tag.AffectedSOPClassUID, UID.Verification)
          .setUS(Tag.CommandField, Dimse.C_FIND_RQ).setUS(Tag.MessageID, 5)
          .setUS(Tag.CommandDataSetType, Dimse.NO_DATA_SET);
      p.send(new PDataTf(List.of(Pdv.of(1, true, true, find.encode()))));
      PDataTf rsp = assertInstanceOf(PDataTf.class, p.read());
      CommandSet cmd = CommandSet.decode(rsp.pdvs().get(0).fragment());
      assertEquals(Status.UnrecognizedOperation, cmd.getInt(Tag.Status, -1));
      assertEquals(5, cmd.getInt(Tag.MessageIDBeingRespondedTo, -1));
      assertEquals(Dimse.C_FIND_RQ | Dimse.RSP, cmd.getInt(Tag.CommandField, -1));
    }
  }

  @Test
  void storeOfASopClassOtherThanTheContextsIsAnsweredSopClassNotSupported() throws Exception {
    try (RawPeer p = peer()) {
      p.send(RawPeer.rq(TestServers.AE, PresentationContextItem.proposed(1, "1.2.840.10008.5.1.4.1.1.4",
          List.of(UID.ExplicitVRLittleEndian))));
      assertInstanceOf(dev.mre.dicom.net.pdu.AAssociateAc.class, p.read());
      CommandSet store = new CommandSet().setUI(Tag.AffectedSOPClassUID, RawDataSets.CT)
          .setUS(Tag.CommandField, Dimse.C_STORE_RQ).setUS(Tag.MessageID, 9)
          .setUS(Tag.CommandDataSetType, 0).setUI(Tag.AffectedSOPInstanceUID, "1.2.3");
      p.send(new PDataTf(List.of(Pdv.of(1, true, true, store.encode()))));
      p.send(new PDataTf(List.of(Pdv.of(1, false, true, RawDataSets.withUids(RawDataSets.CT, "1.2.3").toByteArray()))));
      PDataTf rsp = assertInstanceOf(PDataTf.class, p.read());
      assertEquals(Status.SOPClassNotSupported, CommandSet.decode(rsp.pdvs().get(0).fragment()).getInt(Tag.Status, -1));
    }
  }

  @Test
  void releaseRequestWithAnOddLengthIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      p.send(new byte[] {5, 0, 0, 0, 0, 3, 0, 0, 0});
      p.expectAbortThenClose(AAbort.INVALID_PDU_PARAMETER_VALUE);
    }
  }

  @Test
  void pdvWithAnOddLengthInsideAPDataIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      // PDU says 9 bytes, its PDV claims 7 of them: 2 bytes are left over, too few for a PDV header
      p.send(new byte[] {4, 0, 0, 0, 0, 9, 0, 0, 0, 3, 1, 3, 0, 0, 0});
      p.expectAbortThenClose(AAbort.INVALID_PDU_PARAMETER_VALUE);
    }
  }

  @Test
  void unreadableCommandSetIsAborted() throws Exception {
    try (RawPeer p = peer()) {
      p.associate();
      p.send(new PDataTf(List.of(Pdv.of(1, true, true, new byte[] {0, 0, 0, 1, (byte) 0xFF, 0, 0, 0}))));
      p.expectAbortThenClose(AAbort.UNEXPECTED_PDU_PARAMETER);
    }
  }
}
