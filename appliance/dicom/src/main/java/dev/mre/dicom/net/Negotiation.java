// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.Implementation;
import dev.mre.dicom.net.pdu.AAssociateAc;
import dev.mre.dicom.net.pdu.AAssociateRj;
import dev.mre.dicom.net.pdu.AAssociateRq;
import dev.mre.dicom.net.pdu.Pdu;
import dev.mre.dicom.net.pdu.PresentationContextItem;
import dev.mre.dicom.net.pdu.UserInformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The acceptor's answer to an A-ASSOCIATE-RQ: a pure function of the request and the server
 * configuration, so that every reject reason is testable without a socket. Order of checks:
 * local limit, protocol version, application context, called AE, calling AE; then each
 * presentation context gets its own result. Role selection is not offered back (the peer keeps its
 * default roles); asynchronous operations are answered with a window of 1 (PS3.7 D.3.3.3).
 */
final class Negotiation {

  private Negotiation() {}

  static Pdu answer(AAssociateRq rq, ServerConfig cfg, boolean overLimit) {
    if (overLimit) {
      return new AAssociateRj(AAssociateRj.RESULT_REJECTED_TRANSIENT,
          AAssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION, AAssociateRj.LOCAL_LIMIT_EXCEEDED);
    }
    if ((rq.protocolVersion() & 1) == 0) {
      return new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT,
          AAssociateRj.SOURCE_SERVICE_PROVIDER_ACSE, AAssociateRj.PROTOCOL_VERSION_NOT_SUPPORTED);
    }
    if (!AAssociateRq.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
      return userReject(AAssociateRj.APPLICATION_CONTEXT_NAME_NOT_SUPPORTED);
    }
    if (!cfg.acceptAnyCalledAe() && !cfg.aeTitle().equals(rq.calledAe())) {
      return userReject(AAssociateRj.CALLED_AE_TITLE_NOT_RECOGNIZED);
    }
    if (!cfg.callingAeAllowList().isEmpty() && !cfg.callingAeAllowList().contains(rq.callingAe())) {
      return userReject(AAssociateRj.CALLING_AE_TITLE_NOT_RECOGNIZED);
    }
    List<PresentationContextItem> answers = new ArrayList<>();
    for (PresentationContextItem pc : rq.presentationContexts()) {
      answers.add(answer(pc, cfg));
    }
    UserInformation ui = rq.userInformation();
    UserInformation ours = new UserInformation(cfg.maxPduLengthReceive(), Implementation.CLASS_UID,
        Implementation.VERSION_NAME, ui.maxOpsInvoked() == null ? null : 1,
        ui.maxOpsInvoked() == null ? null : 1, List.of());
    return new AAssociateAc(1, rq.calledAe(), rq.callingAe(), AAssociateRq.DICOM_APPLICATION_CONTEXT,
        answers, ours);
  }

  private static PresentationContextItem answer(PresentationContextItem pc, ServerConfig cfg) {
    Set<String> acceptable = acceptable(pc.abstractSyntax(), cfg);
    if (acceptable == null) {
      return PresentationContextItem.answer(pc.id(), PresentationContextItem.ABSTRACT_SYNTAX_NOT_SUPPORTED,
          UID.ImplicitVRLittleEndian);
    }
    for (String ts : pc.transferSyntaxes()) { // the proposer's preference order
      if (acceptable.contains(ts)) {
        return PresentationContextItem.answer(pc.id(), PresentationContextItem.ACCEPTANCE, ts);
      }
    }
    return PresentationContextItem.answer(pc.id(), PresentationContextItem.TRANSFER_SYNTAXES_NOT_SUPPORTED,
        UID.ImplicitVRLittleEndian);
  }

  private static Set<String> acceptable(String sopClass, ServerConfig cfg) {
    Set<String> ts = cfg.acceptedContexts().get(sopClass);
    if (ts == null) {
      ts = cfg.acceptedContexts().get(ServerConfig.ANY_SOP_CLASS);
    }
    if (ts == null && UID.Verification.equals(sopClass)) {
      ts = Set.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian);
    }
    return ts;
  }

  private static AAssociateRj userReject(int reason) {
    return new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, reason);
  }
}
