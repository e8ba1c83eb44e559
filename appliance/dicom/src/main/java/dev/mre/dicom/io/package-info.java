// SPDX-License-Identifier: Apache-2.0
/**
 * Reading and writing data sets and Part 10 files: {@link dev.mre.dicom.io.DicomReader},
 * {@link dev.mre.dicom.io.DicomWriter}, {@link dev.mre.dicom.io.Part10} (the store-and-forward
 * hot path), {@link dev.mre.dicom.io.DicomDump} and {@link dev.mre.dicom.io.DicomParseException}.
 *
 * <p>Explicit VR Big Endian is read by converting every multi-byte numeric value (US SS UL SL FL
 * FD SV UV AT OW OF OL OD OV) to little endian in memory, so the rest of the appliance sees one
 * byte order; writing it converts back. Compressed transfer syntaxes are parsed as Explicit VR
 * Little Endian with Pixel Data kept as fragments, never decoded.
 */
package dev.mre.dicom.io;
