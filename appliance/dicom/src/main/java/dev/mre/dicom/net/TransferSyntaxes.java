// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

/**
 * The few UIDs the network layer itself needs, so that it does not depend on the dictionary.
 * (The data layer's {@code UID} holds the full list.)
 */
public final class TransferSyntaxes {

  private TransferSyntaxes() {}

  public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
  public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
  public static final String VERIFICATION = "1.2.840.10008.1.1";
}
