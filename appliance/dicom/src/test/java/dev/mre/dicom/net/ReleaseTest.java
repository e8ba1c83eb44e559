// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static dev.mre.dicom.net.TestServers.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.net.pdu.AAbort;
import dev.mre.dicom.net.pdu.AAssociateAc;
import dev.mre.dicom.net.pdu.AAssociateRq;
import dev.mre.dicom.net.pdu.AReleaseRp;
import dev.mre.dicom.net.pdu.AReleaseRq;
import dev.mre.dicom.net.pdu.PresentationContextItem;
import dev.mre.dicom.net.pdu.UserInformation;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Release and its collision (PS3.8 Sta7 -> Sta9 -> Sta11 -> Sta1) against a scripted acceptor. */
class ReleaseTest {

  Vertx vertx;
  ServerSocket acceptor;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    acceptor = new ServerSocket(0);
    acceptor.setSoTimeout(15_000);
  }

  @AfterEach
  void stop() throws Exception {
    acceptor.close();
    await(vertx.close());
  }

  /** Runs {@code script} as the acceptor on its own thread, after accepting the association. */
  CompletableFuture<Void> acceptor(Script script) {
    return CompletableFuture.runAsync(() -> {
      try (Socket s = acceptor.accept(); RawPeer.Wire wire = new RawPeer.Wire(s)) {
        AAssociateRq rq = assertInstanceOf(AAssociateRq.class, wire.read());
        wire.send(new AAssociateAc(1, rq.calledAe(), rq.callingAe(), rq.applicationContext(),
            List.of(PresentationContextItem.answer(1, 0, UID.ImplicitVRLittleEndian)),
            new UserInformation(16384, "1.2.3", "SCRIPT")));
        script.run(wire);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  interface Script {
    void run(RawPeer.Wire wire) throws Exception;
  }

  Association open(ClientConfig cfg) throws Exception {
    return await(DicomClient.open(vertx, cfg, "SCRIPT", "127.0.0.1", acceptor.getLocalPort(),
        List.of(PresentationContext.of(UID.Verification, UID.ImplicitVRLittleEndian))));
  }

  @Test
  void releaseCollisionIsResolvedAsTheRequestor() throws Exception {
    CompletableFuture<Void> peer = acceptor(wire -> {
      assertInstanceOf(AReleaseRq.class, wire.read());
      wire.send(new AReleaseRq());                       // collision: both sides asked
      assertInstanceOf(AReleaseRp.class, wire.read());   // AR-9 from the requestor, Sta11
      wire.send(new AReleaseRp());                       // AR-3: confirmation, close
      assertEquals(null, wire.read());
    });
    Association as = open(TestServers.client());
    await(as.release());
    peer.get(15, TimeUnit.SECONDS);
    assertEquals(State.Sta1, as.state());
  }

  @Test
  void missingReleaseResponseAbortsAfterArtim() throws Exception {
    CompletableFuture<Void> peer = acceptor(wire -> {
      assertInstanceOf(AReleaseRq.class, wire.read());
      assertEquals(AAbort.byServiceUser(), wire.read());
    });
    Association as = open(TestServers.client().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500),
        Duration.ofSeconds(5)));
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(as.release()));
    assertInstanceOf(AssociationException.class, e.getCause());
    peer.get(15, TimeUnit.SECONDS);
  }

  @Test
  void missingDimseResponseAbortsAfterTheResponseTimeout() throws Exception {
    CompletableFuture<Void> peer = acceptor(wire -> {
      assertInstanceOf(dev.mre.dicom.net.pdu.PDataTf.class, wire.read());
      assertEquals(AAbort.byServiceUser(), wire.read());
    });
    Association as = open(TestServers.client().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofMillis(500)));
    assertThrows(ExecutionException.class, () -> await(as.cecho()));
    peer.get(15, TimeUnit.SECONDS);
  }

  @Test
  void associateAcNeverArrivingFailsTheOpenAfterArtim() throws Exception {
    CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
      try (Socket s = acceptor.accept(); RawPeer.Wire wire = new RawPeer.Wire(s)) {
        assertInstanceOf(AAssociateRq.class, wire.read());
        assertEquals(AAbort.byServiceUser(), wire.read());
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    ExecutionException e = assertThrows(ExecutionException.class, () -> open(TestServers.client()
        .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5))));
    assertInstanceOf(AssociationException.class, e.getCause());
    peer.get(15, TimeUnit.SECONDS);
  }
}
