// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

/**
 * The actions of PS3.8 Tables 9-6 to 9-9 with the state each one leads to. Where the next state
 * depends on a condition (AE-6: is the request acceptable; AR-8: are we the requestor) the
 * association decides and {@link #next} is null.
 */
public enum Action {
  AE_1("Issue TRANSPORT CONNECT request primitive to local transport service", State.Sta4),
  AE_2("Send A-ASSOCIATE-RQ-PDU", State.Sta5),
  AE_3("Issue A-ASSOCIATE confirmation (accept) primitive", State.Sta6),
  AE_4("Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection", State.Sta1),
  AE_5("Issue Transport connection response primitive; start ARTIM timer", State.Sta2),
  AE_6("Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider issue A-ASSOCIATE "
      + "indication primitive (Sta3), otherwise issue A-ASSOCIATE-RJ-PDU and start ARTIM timer (Sta13)", null),
  AE_7("Send A-ASSOCIATE-AC PDU", State.Sta6),
  AE_8("Send A-ASSOCIATE-RJ PDU and start ARTIM timer", State.Sta13),
  DT_1("Send P-DATA-TF PDU", State.Sta6),
  DT_2("Send P-DATA indication primitive", State.Sta6),
  AR_1("Send A-RELEASE-RQ PDU", State.Sta7),
  AR_2("Issue A-RELEASE indication primitive", State.Sta8),
  AR_3("Issue A-RELEASE confirmation primitive, and close transport connection", State.Sta1),
  AR_4("Issue A-RELEASE-RP PDU and start ARTIM timer", State.Sta13),
  AR_5("Stop ARTIM timer", State.Sta1),
  AR_6("Issue P-DATA indication", State.Sta7),
  AR_7("Issue P-DATA-TF PDU", State.Sta8),
  AR_8("Issue A-RELEASE indication (release collision): requestor Sta9, acceptor Sta10", null),
  AR_9("Send A-RELEASE-RP PDU", State.Sta11),
  AR_10("Issue A-RELEASE confirmation primitive", State.Sta12),
  AA_1("Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer",
      State.Sta13),
  AA_2("Stop ARTIM timer if running. Close transport connection", State.Sta1),
  AA_3("Issue A-ABORT (or A-P-ABORT) indication and close transport connection", State.Sta1),
  AA_4("Issue A-P-ABORT indication primitive", State.Sta1),
  AA_5("Stop ARTIM timer", State.Sta1),
  AA_6("Ignore PDU", State.Sta13),
  AA_7("Send A-ABORT PDU", State.Sta13),
  AA_8("Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer",
      State.Sta13);

  private final String description;
  private final State next;

  Action(String description, State next) {
    this.description = description;
    this.next = next;
  }

  public String description() {
    return description;
  }

  /** The state after this action, or null where it depends on a condition (AE-6, AR-8). */
  public State next() {
    return next;
  }

  /** "AE-6", as PS3.8 writes it. */
  @Override
  public String toString() {
    return name().replace('_', '-');
  }
}
