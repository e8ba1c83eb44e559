// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.scu;

import dev.mre.dicom.data.Tag;
import dev.mre.dicom.io.DicomParseException;
import dev.mre.dicom.io.Part10;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A Part 10 file to send: its SOP class, instance and transfer syntax from the file meta, and where
 * the data set bytes start, so they can be forwarded unchanged without parsing the data set.
 */
public record Part10Object(Path file, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                           long datasetOffset, long size) {

    /**
     * Reads the file meta only.
     *
     * @throws DicomParseException when the file is not Part 10 or its meta lacks the SOP UIDs
     */
    public static Part10Object read(Path file) throws IOException {
        Part10.Header h = Part10.readHeader(file);
        String sopClass = h.fileMeta().getString(Tag.MediaStorageSOPClassUID);
        String sopInstance = h.fileMeta().getString(Tag.MediaStorageSOPInstanceUID);
        if (sopClass == null || sopInstance == null || h.tsuid() == null) {
            throw new DicomParseException(file.toString(), 0,
                    "file meta lacks Media Storage SOP Class/Instance UID or Transfer Syntax UID");
        }
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            size = ch.size();
        }
        return new Part10Object(file, sopClass, sopInstance, h.tsuid(), h.datasetOffset(), size);
    }

    /** The data set bytes exactly as stored in the file. */
    public byte[] datasetBytes() throws IOException {
        long length = size - datasetOffset;
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": data set of " + length + " bytes is too large to send");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf, datasetOffset + buf.position()) < 0) {
                    throw new IOException(file + " ended early; it changed while being sent");
                }
            }
        }
        return buf.array();
    }
}
