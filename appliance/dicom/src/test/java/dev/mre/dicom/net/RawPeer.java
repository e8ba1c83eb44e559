// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mre.dicom.net.pdu.AAssociateAc;
import dev.mre.dicom.net.pdu.AAssociateRq;
import dev.mre.dicom.net.pdu.Pdu;
import dev.mre.dicom.net.pdu.PduDecoder;
import dev.mre.dicom.net.pdu.PduEncoder;
import dev.mre.dicom.net.pdu.PresentationContextItem;
import dev.mre.dicom.net.pdu.UserInformation;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;

/** A blocking test peer that writes arbitrary bytes and reads PDUs back: for hostile input. */
final class RawPeer implements AutoCloseable {

  final Socket socket;
  final DataInputStream in;

  RawPeer(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(15_000);
    in = new DataInputStream(socket.getInputStream());
  }

  static AAssociateRq rq(String called, PresentationContextItem... pcs) {
    return new AAssociateRq(1, called, "RAW_PEER", AAssociateRq.DICOM_APPLICATION_CONTEXT, List.of(pcs),
        new UserInformation(16384, "1.2.3.4", "RAW"));
  }

  static PresentationContextItem verification(int id) {
    return PresentationContextItem.proposed(id, UID.Verification,
        List.of(UID.ImplicitVRLittleEndian));
  }

  RawPeer send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  RawPeer send(Pdu pdu) throws IOException {
    return send(PduEncoder.encode(pdu));
  }

  /** Associates with Verification on context 1 and returns the A-ASSOCIATE-AC. */
  AAssociateAc associate() throws Exception {
    send(rq(TestServers.AE, verification(1)));
    return assertInstanceOf(AAssociateAc.class, read());
  }

  /** The next PDU, or null when the peer closed the connection. */
  Pdu read() throws Exception {
    return readPdu(in);
  }

  /** Reads until the server closes; fails if it does not within the socket timeout. */
  void assertClosedByServer() throws Exception {
    try {
      while (in.read() != -1) {
        // drain
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("server did not close the connection", e);
    } catch (java.net.SocketException e) {
      // connection reset also counts as closed
    }
  }

  void expectAbortThenClose(int reason) throws Exception {
    Pdu pdu = read();
    assertEquals(new dev.mre.dicom.net.pdu.AAbort(2, reason), pdu);
    assertClosedByServer();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** PDU reading and writing over an accepted socket (the scripted acceptor side). */
  static final class Wire implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    Wire(Socket socket) throws IOException {
      this.socket = socket;
      socket.setSoTimeout(15_000);
      this.in = new DataInputStream(socket.getInputStream());
    }

    void send(Pdu pdu) throws IOException {
      socket.getOutputStream().write(PduEncoder.encode(pdu));
      socket.getOutputStream().flush();
    }

    /** The next PDU, or null at end of stream. */
    Pdu read() throws Exception {
      return readPdu(in);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  static Pdu readPdu(DataInputStream in) throws Exception {
    byte[] header = new byte[6];
    try {
      in.readFully(header);
    } catch (EOFException | java.net.SocketException e) {
      return null;
    }
    int length = ByteBuffer.wrap(header).getInt(2);
    byte[] all = new byte[6 + length];
    System.arraycopy(header, 0, all, 0, 6);
    in.readFully(all, 6, length);
    return new PduDecoder(0).decode(ByteBuffer.wrap(all));
  }
}
