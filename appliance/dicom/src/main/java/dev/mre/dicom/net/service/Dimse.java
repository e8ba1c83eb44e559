// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net.service;

import dev.mre.dicom.data.Tag;

/** Command field values of PS3.7 Annex E (group 0000); the command element tags are in {@code Tag}. */
public final class Dimse {

  private Dimse() {}

  // Command Field (0000,0100)
  public static final int C_STORE_RQ = 0x0001;
  public static final int C_STORE_RSP = 0x8001;
  public static final int C_GET_RQ = 0x0010;
  public static final int C_GET_RSP = 0x8010;
  public static final int C_FIND_RQ = 0x0020;
  public static final int C_FIND_RSP = 0x8020;
  public static final int C_MOVE_RQ = 0x0021;
  public static final int C_MOVE_RSP = 0x8021;
  public static final int C_ECHO_RQ = 0x0030;
  public static final int C_ECHO_RSP = 0x8030;
  public static final int N_EVENT_REPORT_RQ = 0x0100;
  public static final int N_GET_RQ = 0x0110;
  public static final int N_SET_RQ = 0x0120;
  public static final int N_ACTION_RQ = 0x0130;
  public static final int N_CREATE_RQ = 0x0140;
  public static final int N_DELETE_RQ = 0x0150;
  public static final int C_CANCEL_RQ = 0x0FFF;
  /** Set in the command field of every response. */
  public static final int RSP = 0x8000;

  // Command Data Set Type (0000,0800)
  public static final int NO_DATA_SET = 0x0101;
  // Priority (0000,0700)
  public static final int MEDIUM = 0x0000;


  /** "C-STORE-RQ", for logs. */
  public static String nameOf(int commandField) {
    return switch (commandField) {
      case C_STORE_RQ -> "C-STORE-RQ";
      case C_STORE_RSP -> "C-STORE-RSP";
      case C_GET_RQ -> "C-GET-RQ";
      case C_FIND_RQ -> "C-FIND-RQ";
      case C_MOVE_RQ -> "C-MOVE-RQ";
      case C_ECHO_RQ -> "C-ECHO-RQ";
      case C_ECHO_RSP -> "C-ECHO-RSP";
      case C_CANCEL_RQ -> "C-CANCEL-RQ";
      default -> String.format("command 0x%04X", commandField);
    };
  }
}
