// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

/**
 * How a data set is encoded (PS3.5 10): VR implicit or explicit, byte order, deflate, and whether
 * Pixel Data is encapsulated. Exists so that reader and writer ask four questions instead of
 * comparing UIDs. Unknown UIDs are treated as Explicit VR Little Endian with encapsulated pixel
 * data: such objects are stored and forwarded unchanged, never decoded.
 */
public final class TransferSyntax {
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ImplicitVRLittleEndian, false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.ExplicitVRLittleEndian, true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax(UID.DeflatedExplicitVRLittleEndian, true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax(UID.ExplicitVRBigEndian, true, true, false, false);

    private final String uid;
    private final boolean explicitVR;
    private final boolean bigEndian;
    private final boolean deflated;
    private final boolean encapsulated;

    private TransferSyntax(String uid, boolean explicitVR, boolean bigEndian, boolean deflated,
                           boolean encapsulated) {
        this.uid = uid;
        this.explicitVR = explicitVR;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.encapsulated = encapsulated;
    }

    public static TransferSyntax of(String uid) {
        String u = uid == null ? "" : uid.trim();
        switch (u) {
            case UID.ImplicitVRLittleEndian: return IMPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRLittleEndian: return EXPLICIT_VR_LITTLE_ENDIAN;
            case UID.DeflatedExplicitVRLittleEndian: return DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
            case UID.ExplicitVRBigEndian: return EXPLICIT_VR_BIG_ENDIAN;
            default: return new TransferSyntax(u, true, false, false, true);
        }
    }

    public String uid() { return uid; }

    public boolean explicitVR() { return explicitVR; }

    public boolean bigEndian() { return bigEndian; }

    public boolean deflated() { return deflated; }

    /** True for compressed (and unknown) syntaxes: Pixel Data as fragments. */
    public boolean encapsulated() { return encapsulated; }

    @Override
    public String toString() { return UID.nameOf(uid); }
}
