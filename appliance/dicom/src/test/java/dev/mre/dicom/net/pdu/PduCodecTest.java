// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class PduCodecTest {

  static final String MR = "1.2.840.10008.5.1.4.1.1.4";
  static final String IVLE = "1.2.840.10008.1.2";
  static final String EVLE = "1.2.840.10008.1.2.1";

  static AAssociateRq rq() {
    return new AAssociateRq(1, "CALLED", "CALLING", AAssociateRq.DICOM_APPLICATION_CONTEXT,
        List.of(PresentationContextItem.proposed(1, "1.2.840.10008.1.1", List.of(IVLE)),
            PresentationContextItem.proposed(3, MR, List.of(EVLE, IVLE))),
        new UserInformation(16384, "1.2.3.4", "TEST_1", 1, 1, List.of(new RoleSelection(MR, true, false))));
  }

  static AAssociateAc ac() {
    return new AAssociateAc(1, "CALLED", "CALLING", AAssociateRq.DICOM_APPLICATION_CONTEXT,
        List.of(PresentationContextItem.answer(1, 0, IVLE),
            PresentationContextItem.answer(3, PresentationContextItem.TRANSFER_SYNTAXES_NOT_SUPPORTED, IVLE)),
        new UserInformation(0, "1.2.3.4", null));
  }

  static List<Pdu> everyPduType() {
    return List.of(rq(), ac(), new AAssociateRj(2, 3, 2),
        new PDataTf(List.of(Pdv.of(1, true, true, new byte[] {1, 2, 3, 4}), Pdv.of(3, false, false, new byte[0]))),
        new AReleaseRq(), new AReleaseRp(), new AAbort(2, 6));
  }

  @ParameterizedTest
  @EnumSource(Feeder.class)
  void everyPduTypeRoundTripsThroughEncoderAndDecoder(Feeder feeder) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Pdu pdu : everyPduType()) {
      all.writeBytes(PduEncoder.encode(pdu));
    }
    List<Pdu> decoded = feeder.feed(new PduDecoder(16384), all.toByteArray());
    assertEquals(everyPduType(), decoded);
  }

  @Test
  void encodedReleaseRqHasTheStandardTenBytes() {
    assertArrayEquals(new byte[] {5, 0, 0, 0, 0, 4, 0, 0, 0, 0}, PduEncoder.encode(new AReleaseRq()));
  }

  @Test
  void encodedAbortCarriesSourceAndReasonInTheLastTwoBytes() {
    assertArrayEquals(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 1}, PduEncoder.encode(AAbort.byServiceProvider(1)));
  }

  @Test
  void aeTitlesArePaddedToSixteenBytesWithSpaces() {
    byte[] b = PduEncoder.encode(rq());
    assertEquals("CALLED          ", new String(b, 10, 16, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("CALLING         ", new String(b, 26, 16, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void incompletePduIsNotConsumed() throws Exception {
    byte[] b = PduEncoder.encode(rq());
    ByteBuffer half = ByteBuffer.wrap(b, 0, b.length - 1);
    assertNull(new PduDecoder(16384).decode(half));
    assertEquals(0, half.position());
  }

  @Test
  void lengthFieldOf0xFFFFFFFFIsRejectedBeforeTheBodyArrives() {
    byte[] header = {4, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    PduException e = assertThrows(PduException.class, () -> new PduDecoder(16384).decode(ByteBuffer.wrap(header)));
    assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE, e.abortReason());
  }

  @Test
  void pDataLongerThanTheAnnouncedMaximumIsRejected() {
    byte[] pdu = PduEncoder.encode(new PDataTf(List.of(Pdv.of(1, true, true, new byte[5000]))));
    assertThrows(PduException.class, () -> new PduDecoder(4096).decode(ByteBuffer.wrap(pdu)));
  }

  @Test
  void unknownPduTypeIsRejectedFromItsFirstByte() {
    PduException e = assertThrows(PduException.class,
        () -> new PduDecoder(16384).decode(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes())));
    assertEquals(AAbort.UNRECOGNIZED_PDU, e.abortReason());
  }

  @Test
  void pdvItemLengthBeyondThePduIsRejectedWithoutOverflow() {
    // P-DATA-TF of 6 bytes whose PDV claims 0xFFFFFFFF bytes
    byte[] b = {4, 0, 0, 0, 0, 6, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 3};
    assertThrows(PduException.class, () -> new PduDecoder(16384).decode(ByteBuffer.wrap(b)));
    byte[] c = {4, 0, 0, 0, 0, 6, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 1, 3};
    assertThrows(PduException.class, () -> new PduDecoder(16384).decode(ByteBuffer.wrap(c)));
  }

  @Test
  void pdvItemShorterThanItsHeaderIsRejected() {
    byte[] b = {4, 0, 0, 0, 0, 6, 0, 0, 0, 1, 1, 3};
    assertThrows(PduException.class, () -> new PduDecoder(16384).decode(ByteBuffer.wrap(b)));
  }

  @Test
  void evenPresentationContextIdIsAProtocolError() {
    AAssociateRq even = new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT,
        List.of(PresentationContextItem.proposed(2, MR, List.of(IVLE))), new UserInformation(0, "1.2", null));
    PduException e = assertThrows(PduException.class,
        () -> new PduDecoder(16384).decode(ByteBuffer.wrap(PduEncoder.encode(even))));
    assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE, e.abortReason());
  }

  @Test
  void duplicatePresentationContextIdIsAProtocolError() {
    AAssociateRq dup = new AAssociateRq(1, "A", "B", AAssociateRq.DICOM_APPLICATION_CONTEXT,
        List.of(PresentationContextItem.proposed(1, MR, List.of(IVLE)),
            PresentationContextItem.proposed(1, MR, List.of(EVLE))), new UserInformation(0, "1.2", null));
    assertThrows(PduException.class, () -> new PduDecoder(16384).decode(ByteBuffer.wrap(PduEncoder.encode(dup))));
  }

  @Test
  void unknownUserInformationSubItemsAreIgnored() throws Exception {
    byte[] b = PduEncoder.encode(rq());
    // append a user identity sub-item 0x58 inside the user information item (the last item)
    byte[] extra = {0x58, 0, 0, 6, 1, 0, 0, 2, 'h', 'i'};
    byte[] c = java.util.Arrays.copyOf(b, b.length + extra.length);
    System.arraycopy(extra, 0, c, b.length, extra.length);
    ByteBuffer bb = ByteBuffer.wrap(c);
    bb.putInt(2, bb.getInt(2) + extra.length);
    int ui = indexOfUserInformation(c);
    bb.putShort(ui + 2, (short) (bb.getShort(ui + 2) + extra.length));
    AAssociateRq decoded = (AAssociateRq) new PduDecoder(16384).decode(ByteBuffer.wrap(c));
    assertEquals(rq(), decoded);
  }

  @Test
  void roleSelectionAndAsynchronousOperationsAreParsed() throws Exception {
    AAssociateRq decoded = (AAssociateRq) new PduDecoder(0).decode(ByteBuffer.wrap(PduEncoder.encode(rq())));
    assertEquals(List.of(new RoleSelection(MR, true, false)), decoded.userInformation().roleSelections());
    assertEquals(1, decoded.userInformation().maxOpsInvoked());
  }

  @Test
  void truncatedItemInsideAnAssociateRqIsRejected() {
    byte[] b = PduEncoder.encode(rq());
    ByteBuffer bb = ByteBuffer.wrap(b);
    bb.putShort(74 + 2, (short) 0x7FFF); // application context item claims 32767 bytes
    assertThrows(PduException.class, () -> new PduDecoder(16384).decode(bb));
  }

  private static int indexOfUserInformation(byte[] b) {
    int pos = 74;
    while (b[pos] != 0x50) {
      pos += 4 + ((b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF));
    }
    return pos;
  }
}
