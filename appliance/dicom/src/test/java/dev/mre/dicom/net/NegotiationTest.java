// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.Implementation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mre.dicom.net.pdu.AAssociateAc;
import dev.mre.dicom.net.pdu.AAssociateRj;
import dev.mre.dicom.net.pdu.AAssociateRq;
import dev.mre.dicom.net.pdu.PresentationContextItem;
import dev.mre.dicom.net.pdu.UserInformation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NegotiationTest {

  static final String MR = "1.2.840.10008.5.1.4.1.1.4";
  static final String CT = "1.2.840.10008.5.1.4.1.1.2";
  final ServerConfig cfg = ServerConfig.defaults().withAeTitle("SCP")
      .withAcceptedContexts(Map.of(MR, Set.of(UID.ExplicitVRLittleEndian)));

  static AAssociateRq rq(String called, String calling, String appContext, int version,
                         PresentationContextItem... pcs) {
    return new AAssociateRq(version, called, calling, appContext, List.of(pcs), new UserInformation(16384, "1.2", null));
  }

  static AAssociateRq rq(String called, String calling) {
    return rq(called, calling, AAssociateRq.DICOM_APPLICATION_CONTEXT, 1,
        PresentationContextItem.proposed(1, MR, List.of(UID.ExplicitVRLittleEndian)));
  }

  @Test
  void overTheAssociationLimitIsRejectedTransientByThePresentationLayer() {
    assertEquals(new AAssociateRj(2, 3, 2), Negotiation.answer(rq("SCP", "SCU"), cfg, true));
  }

  @Test
  void wrongCalledAeIsRejectedWithReason7() {
    assertEquals(new AAssociateRj(1, 1, 7), Negotiation.answer(rq("OTHER", "SCU"), cfg, false));
  }

  @Test
  void anyCalledAeIsAcceptedWhenConfigured() {
    assertEquals(AAssociateAc.class,
        Negotiation.answer(rq("OTHER", "SCU"), cfg.withAcceptAnyCalledAe(true), false).getClass());
  }

  @Test
  void callingAeOutsideTheAllowListIsRejectedWithReason3() {
    ServerConfig allow = cfg.withCallingAeAllowList(Set.of("MODALITY"));
    assertEquals(new AAssociateRj(1, 1, 3), Negotiation.answer(rq("SCP", "SCU"), allow, false));
    assertEquals(AAssociateAc.class, Negotiation.answer(rq("SCP", "MODALITY"), allow, false).getClass());
  }

  @Test
  void unknownApplicationContextIsRejectedWithReason2() {
    AAssociateRq r = rq("SCP", "SCU", "1.2.3", 1, PresentationContextItem.proposed(1, MR, List.of("1.2.840.10008.1.2")));
    assertEquals(new AAssociateRj(1, 1, 2), Negotiation.answer(r, cfg, false));
  }

  @Test
  void unsupportedProtocolVersionIsRejectedByAcse() {
    AAssociateRq r = rq("SCP", "SCU", AAssociateRq.DICOM_APPLICATION_CONTEXT, 2,
        PresentationContextItem.proposed(1, MR, List.of("1.2.840.10008.1.2")));
    assertEquals(new AAssociateRj(1, 2, 2), Negotiation.answer(r, cfg, false));
  }

  @Test
  void eachContextGetsItsOwnResult() {
    AAssociateRq r = rq("SCP", "SCU", AAssociateRq.DICOM_APPLICATION_CONTEXT, 1,
        PresentationContextItem.proposed(1, MR, List.of(UID.ImplicitVRLittleEndian,
            UID.ExplicitVRLittleEndian)),
        PresentationContextItem.proposed(3, MR, List.of(UID.ExplicitVRBigEndian)),
        PresentationContextItem.proposed(5, CT, List.of(UID.ExplicitVRLittleEndian)),
        PresentationContextItem.proposed(7, UID.Verification, List.of(UID.ImplicitVRLittleEndian)));
    AAssociateAc ac = (AAssociateAc) Negotiation.answer(r, cfg, false);
    List<PresentationContextItem> pcs = ac.presentationContexts();
    assertEquals(PresentationContextItem.answer(1, 0, UID.ExplicitVRLittleEndian), pcs.get(0));
    assertEquals(PresentationContextItem.TRANSFER_SYNTAXES_NOT_SUPPORTED, pcs.get(1).result());
    assertEquals(PresentationContextItem.ABSTRACT_SYNTAX_NOT_SUPPORTED, pcs.get(2).result());
    assertEquals(PresentationContextItem.ACCEPTANCE, pcs.get(3).result(), "Verification is always accepted");
    assertEquals(Implementation.CLASS_UID, ac.userInformation().implementationClassUid());
    assertEquals(Implementation.VERSION_NAME, ac.userInformation().implementationVersionName());
    assertEquals(cfg.maxPduLengthReceive(), ac.userInformation().maxPduLength());
  }
}
