// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.io;

import java.io.IOException;

/**
 * Malformed DICOM data: truncated, a length beyond the data, a bad VR or delimiter, nesting too
 * deep. Exists so that callers (the C-STORE SCP answering 0xC000, the dump command) can tell
 * the user which file and which byte: the message always names {@link #source()} and
 * {@link #offset()}.
 */
public class DicomParseException extends IOException {
    private final String source;
    private final long offset;

    public DicomParseException(String source, long offset, String problem) {
        this(source, offset, problem, null);
    }

    public DicomParseException(String source, long offset, String problem, Throwable cause) {
        this(source, offset, "", problem, cause);
    }

    /** offsetNote qualifies the offset, e.g. " in the inflated data set". */
    public DicomParseException(String source, long offset, String offsetNote, String problem, Throwable cause) {
        super(source + ": " + problem + " at offset " + offset + offsetNote, cause);
        this.source = source;
        this.offset = offset;
    }

    /** The file path, or "&lt;stream&gt;" for data not read from a file. */
    public String source() { return source; }

    /** Byte offset of the problem in the source (in the inflated data for deflated syntaxes). */
    public long offset() { return offset; }
}
