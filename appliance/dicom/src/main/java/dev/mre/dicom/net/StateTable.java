// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import static dev.mre.dicom.net.Action.*;

/**
 * PS3.8 Table 9-10, the DICOM Upper Layer protocol state transition table, transcribed row by
 * row so it can be read beside the standard. A null cell is a blank cell in the standard: the
 * event cannot happen in that state (local primitives are refused; see {@link Association}).
 */
final class StateTable {

  private StateTable() {}

  private static final Action __ = null;

  // Columns:            Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9  Sta10 Sta11 Sta12 Sta13
  private static final Action[][] TABLE = {
    /* Evt1  */ {AE_1, __,   __,   __,   __,   __,   __,   __,   __,   __,   __,   __,   __},
    /* Evt2  */ {__,   __,   __,   AE_2, __,   __,   __,   __,   __,   __,   __,   __,   __},
    /* Evt3  */ {__,   AA_1, AA_8, __,   AE_3, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6},
    /* Evt4  */ {__,   AA_1, AA_8, __,   AE_4, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6},
    /* Evt5  */ {AE_5, __,   __,   __,   __,   __,   __,   __,   __,   __,   __,   __,   __},
    /* Evt6  */ {__,   AE_6, AA_8, __,   AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7},
    /* Evt7  */ {__,   __,   AE_7, __,   __,   __,   __,   __,   __,   __,   __,   __,   __},
    /* Evt8  */ {__,   __,   AE_8, __,   __,   __,   __,   __,   __,   __,   __,   __,   __},
    /* Evt9  */ {__,   __,   __,   __,   __,   DT_1, __,   AR_7, __,   __,   __,   __,   __},
    /* Evt10 */ {__,   AA_1, AA_8, __,   AA_8, DT_2, AR_6, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6},
    /* Evt11 */ {__,   __,   __,   __,   __,   AR_1, __,   __,   __,   __,   __,   __,   __},
    /* Evt12 */ {__,   AA_1, AA_8, __,   AA_8, AR_2, AR_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6},
    /* Evt13 */ {__,   AA_1, AA_8, __,   AA_8, AA_8, AR_3, AA_8, AA_8, AR_10, AR_3, AA_8, AA_6},
    /* Evt14 */ {__,   __,   __,   __,   __,   __,   __,   AR_4, AR_9, __,   __,   AR_4, __},
    /* Evt15 */ {__,   __,   AA_1, AA_2, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, __},
    /* Evt16 */ {__,   AA_2, AA_3, __,   AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_2},
    /* Evt17 */ {__,   AA_5, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AR_5},
    /* Evt18 */ {__,   AA_2, __,   __,   __,   __,   __,   __,   __,   __,   __,   __,   AA_2},
    /* Evt19 */ {__,   AA_1, AA_8, __,   AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7},
  };

  /** The action for {@code event} in {@code state}; null for a blank cell. */
  static Action action(State state, Event event) {
    return TABLE[event.ordinal()][state.ordinal()];
  }
}
