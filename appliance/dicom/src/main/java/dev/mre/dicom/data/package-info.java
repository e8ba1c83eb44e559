// SPDX-License-Identifier: Apache-2.0
/**
 * The DICOM data model: {@link dev.mre.dicom.data.Tag}, {@link dev.mre.dicom.data.VR},
 * {@link dev.mre.dicom.data.Attributes} (a data set or item, sorted by tag), sequences,
 * encapsulated fragments, UIDs, transfer syntaxes, character sets and the element dictionary.
 *
 * <p>All values are held raw and little endian; text is decoded on demand. Depends on nothing.
 */
package dev.mre.dicom.data;
