// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

/**
 * The appliance's one DICOM identity, used in both places the standard asks for it: the File Meta
 * Information of every file we write (0002,0012)/(0002,0013) and the user information of every
 * association (PS3.7 D.3.3.2, D.3.3.3). The class UID is under the UUID-derived root 2.25 (PS3.5
 * B.2): the decimal form of a random 128-bit number, fixed once for this project.
 */
public final class Implementation {

    private Implementation() {}

    /** Implementation Class UID. */
    public static final String CLASS_UID = "2.25.78125397583599039639906740805508274086";
    /** Implementation Version Name (SH, at most 16 characters). */
    public static final String VERSION_NAME = "MRE_APPL_0.1";
}
