// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

import java.util.ArrayList;

/**
 * Encapsulated Pixel Data (PS3.5 A.4): item 0 is the Basic Offset Table (possibly empty), the
 * others are compressed fragments, kept byte for byte. Exists because this appliance stores and
 * forwards compressed images unchanged and never decodes them.
 */
public final class Fragments extends ArrayList<byte[]> {
    private final VR vr;

    public Fragments(VR vr) {
        this.vr = vr;
    }

    /** The VR of the encapsulated element, OB (or OW as some writers put it). */
    public VR vr() { return vr; }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments f) || f.size() != size() || f.vr != vr) return false;
        for (int i = 0; i < size(); i++) {
            if (!java.util.Arrays.equals(get(i), f.get(i))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = vr.hashCode();
        for (byte[] b : this) h = 31 * h + java.util.Arrays.hashCode(b);
        return h;
    }
}
