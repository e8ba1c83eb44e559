// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

/** Shared constants for byte values. */
final class ByteArrays {
    private ByteArrays() {}

    static final byte[] EMPTY = new byte[0];
}
