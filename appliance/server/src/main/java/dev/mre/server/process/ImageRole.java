// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

/**
 * What one DICOM image is to the MRE adapter. Exists so every file gets exactly one role and the
 * report can say, per series, what was taken as inversion input and what was only recognised.
 */
public enum ImageRole {
    MAGNITUDE("magnitude", true),
    PHASE("phase", true),
    REAL("real part", false),
    IMAGINARY("imaginary part", false),
    ELASTOGRAM("vendor elastogram", false),
    MASKED_ELASTOGRAM("vendor elastogram masked by its confidence", false),
    DERIVED("other derived image", false),
    COLOUR("colour image", false),
    NOT_MRE("not MRE", false),
    UNMARKED("MRE image without a magnitude/phase marker", false),
    NOT_IMAGE("not a single-frame MR image", false),
    UNREADABLE("not readable as DICOM", false);

    private final String label;
    private final boolean input;

    ImageRole(String label, boolean input) {
        this.label = label;
        this.input = input;
    }

    /** Words for the report. */
    public String label() {
        return label;
    }

    /** Whether images of this role can be inversion input. */
    public boolean input() {
        return input;
    }
}
