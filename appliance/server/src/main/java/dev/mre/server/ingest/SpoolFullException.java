// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import java.io.IOException;

/** The spool's disk is full or below its reserve; the object was not stored (DICOM status A700). */
public final class SpoolFullException extends IOException {
    public SpoolFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether an I/O error means "no space" (ENOSPC or EDQUOT as the JDK reports them on Linux). */
    static boolean isNoSpace(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }
}
