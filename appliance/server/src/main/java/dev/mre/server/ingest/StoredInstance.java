// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.nio.file.Path;

/**
 * One object that is durably in the spool, with the attributes that group it into a series.
 * Carries no patient data. {@code modality}, {@code seriesNumber} and {@code seriesDescription}
 * are {@code null} when the data set lacks them; {@code imagesInAcquisition} is the sender's
 * ImagesInAcquisition (0020,1002), 0 when absent.
 */
public record StoredInstance(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
                             String sopInstanceUid, String modality, String seriesNumber,
                             String seriesDescription, String callingAe, Path file, int imagesInAcquisition) {

    public StoredInstance(String studyInstanceUid, String seriesInstanceUid, String sopClassUid, String sopInstanceUid,
                          String modality, String seriesNumber, String seriesDescription, String callingAe, Path file) {
        this(studyInstanceUid, seriesInstanceUid, sopClassUid, sopInstanceUid, modality, seriesNumber,
                seriesDescription, callingAe, file, 0);
    }
}
