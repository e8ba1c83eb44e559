// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static dev.mre.dicom.net.Event.*;
import static dev.mre.dicom.net.State.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Spot checks of PS3.8 Table 9-10 rows that carry the protocol. */
class StateTableTest {

  @Test
  void requestorOpensThroughSta4AndSta5ToSta6() {
    assertEquals(Action.AE_1, StateTable.action(Sta1, Evt1));
    assertEquals(Sta4, Action.AE_1.next());
    assertEquals(Action.AE_2, StateTable.action(Sta4, Evt2));
    assertEquals(Sta5, Action.AE_2.next());
    assertEquals(Action.AE_3, StateTable.action(Sta5, Evt3));
    assertEquals(Sta6, Action.AE_3.next());
    assertEquals(Action.AE_4, StateTable.action(Sta5, Evt4));
  }

  @Test
  void acceptorOpensThroughSta2AndSta3ToSta6() {
    assertEquals(Action.AE_5, StateTable.action(Sta1, Evt5));
    assertEquals(Action.AE_6, StateTable.action(Sta2, Evt6));
    assertEquals(Action.AE_7, StateTable.action(Sta3, Evt7));
    assertEquals(Action.AE_8, StateTable.action(Sta3, Evt8));
    assertEquals(Sta13, Action.AE_8.next());
  }

  @Test
  void pDataBeforeAssociationIsAnsweredWithAbort() {
    assertEquals(Action.AA_1, StateTable.action(Sta2, Evt10));
    assertEquals(Sta13, Action.AA_1.next());
  }

  @Test
  void dataTransferStaysInSta6() {
    assertEquals(Action.DT_1, StateTable.action(Sta6, Evt9));
    assertEquals(Action.DT_2, StateTable.action(Sta6, Evt10));
  }

  @Test
  void releaseFollowsAr1ToAr4() {
    assertEquals(Action.AR_1, StateTable.action(Sta6, Evt11));
    assertEquals(Action.AR_3, StateTable.action(Sta7, Evt13));
    assertEquals(Action.AR_2, StateTable.action(Sta6, Evt12));
    assertEquals(Action.AR_4, StateTable.action(Sta8, Evt14));
    assertEquals(Action.AR_7, StateTable.action(Sta8, Evt9));
    assertEquals(Action.AR_6, StateTable.action(Sta7, Evt10));
  }

  @Test
  void releaseCollisionGoesThroughSta9To12() {
    assertEquals(Action.AR_8, StateTable.action(Sta7, Evt12));
    assertNull(Action.AR_8.next());
    assertEquals(Action.AR_9, StateTable.action(Sta9, Evt14));
    assertEquals(Action.AR_3, StateTable.action(Sta11, Evt13));
    assertEquals(Action.AR_10, StateTable.action(Sta10, Evt13));
    assertEquals(Action.AR_4, StateTable.action(Sta12, Evt14));
  }

  @Test
  void invalidPduAbortsFromEveryEstablishedState() {
    for (State s : new State[] {Sta3, Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12}) {
      assertEquals(Action.AA_8, StateTable.action(s, Evt19), s.name());
    }
    assertEquals(Action.AA_1, StateTable.action(Sta2, Evt19));
    assertEquals(Action.AA_7, StateTable.action(Sta13, Evt19));
  }

  @Test
  void artimExpiryClosesOnlyInSta2AndSta13() {
    assertEquals(Action.AA_2, StateTable.action(Sta2, Evt18));
    assertEquals(Action.AA_2, StateTable.action(Sta13, Evt18));
    assertNull(StateTable.action(Sta6, Evt18));
  }

  @Test
  void transportCloseEndsEveryState() {
    assertEquals(Action.AA_5, StateTable.action(Sta2, Evt17));
    assertEquals(Action.AA_4, StateTable.action(Sta6, Evt17));
    assertEquals(Action.AR_5, StateTable.action(Sta13, Evt17));
  }

  @Test
  void pdusArrivingInSta13AreIgnored() {
    assertEquals(Action.AA_6, StateTable.action(Sta13, Evt10));
    assertEquals(Action.AA_6, StateTable.action(Sta13, Evt3));
  }

  @Test
  void actionsPrintAsTheStandardWritesThem() {
    assertEquals("AE-6", Action.AE_6.toString());
    assertEquals("AR-10", Action.AR_10.toString());
  }
}
