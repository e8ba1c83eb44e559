// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import dev.mre.dicom.data.Attributes;

/**
 * A read DICOM file: its File Meta Information (empty for a bare data set without meta), the
 * data set and the transfer syntax it was encoded in (from the meta, or guessed).
 */
public record DicomFile(Attributes fileMeta, Attributes dataset, String transferSyntaxUid) {}
