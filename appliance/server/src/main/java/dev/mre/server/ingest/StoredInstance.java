// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.nio.file.Path;

/**
 * One object that is durably in the spool, with the attributes that group it into a series.
 * Carries no patient data. {@code modality}, {@code seriesNumber} and {@code seriesDescription}
 * are {@code null} when the data set lacks them.
 */
public record StoredInstance(String studyInstanceUid, String seriesInstanceUid, String sopClassUid,
                             String sopInstanceUid, String modality, String seriesNumber,
                             String seriesDescription, String callingAe, Path file) {
}
