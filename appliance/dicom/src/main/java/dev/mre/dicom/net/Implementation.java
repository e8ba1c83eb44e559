// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

/**
 * Our identity on the wire (PS3.7 D.3.3.2 and D.3.3.3). The class UID is under the UUID-derived
 * root 2.25 (PS3.5 B.2): the decimal form of a random 128-bit number, fixed once for this project.
 */
public final class Implementation {

  private Implementation() {}

  public static final String CLASS_UID = "2.25.78125397583599039639906740805508274086";
  public static final String VERSION_NAME = "MRE_APPL_0.1";
}
