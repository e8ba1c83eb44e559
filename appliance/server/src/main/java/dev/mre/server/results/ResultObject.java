// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.io.Part10;

/**
 * One result object ready to file or send: its kind and the complete data set. {@link #part10()}
 * gives the Part 10 file bytes (Explicit VR Little Endian); {@link #datasetBytes()} the data set
 * alone, as a C-STORE request carries it in that transfer syntax.
 */
public record ResultObject(Kind kind, Attributes dataset) {

    /** The four kinds of result object, with a short name for file names. */
    public enum Kind {
        COLOUR_ELASTOGRAM("sc"), STIFFNESS_MAP("map"), SEGMENTATION("seg"), MEASUREMENT_REPORT("sr");

        private final String shortName;

        Kind(String shortName) {
            this.shortName = shortName;
        }

        public String shortName() {
            return shortName;
        }
    }

    public String sopClassUid() {
        return dataset.getString(Tag.SOPClassUID);
    }

    public String sopInstanceUid() {
        return dataset.getString(Tag.SOPInstanceUID);
    }

    public String transferSyntaxUid() {
        return UID.ExplicitVRLittleEndian;
    }

    public byte[] datasetBytes() {
        return DicomWriter.writeDataset(dataset, transferSyntaxUid());
    }

    public byte[] part10() {
        return DicomWriter.writeFile(Part10.createFileMeta(sopClassUid(), sopInstanceUid(), transferSyntaxUid()), dataset);
    }
}
