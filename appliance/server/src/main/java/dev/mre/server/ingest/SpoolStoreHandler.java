// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.ingest;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.io.Part10;
import dev.mre.dicom.net.service.DicomServiceException;
import dev.mre.dicom.net.service.Status;
import dev.mre.dicom.net.service.StoreHandler;
import dev.mre.dicom.net.service.StoreRequest;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage SCP's handler: writes each received object to the {@link Spool} as a Part 10 file
 * (our file meta, the data set bytes exactly as received) and returns only once it is durable, so
 * the C-STORE response (sent after this returns) never acknowledges an object a power cut could
 * lose. It tells the series tracker once the object's spool file can be read (at once, or after the
 * journal's background write; see {@link Spool}).
 *
 * <p>Statuses: 0x0000 stored (also for an identical or differing duplicate, see {@link Spool});
 * 0xA700 when the disk is full or below the reserve; 0x0110 for any other write error. One INFO
 * line per object with UIDs, size, status and time, never patient data. An object without Study
 * or Series Instance UID is still stored (never lose what a console sent), under the digest of
 * the empty string for the missing level.
 */
public final class SpoolStoreHandler implements StoreHandler {
    private static final Logger defaultLog = LoggerFactory.getLogger(SpoolStoreHandler.class);
    private final Logger log;
    private final Spool spool;
    private final Consumer<StoredInstance> stored;

    /** @param stored told about each object once it is durable (any thread) */
    public SpoolStoreHandler(Spool spool, Consumer<StoredInstance> stored) {
        this(spool, stored, defaultLog);
    }

    /** @param log where the per-object lines go (the start-up warm-up's are discarded) */
    public SpoolStoreHandler(Spool spool, Consumer<StoredInstance> stored, Logger log) {
        this.spool = spool;
        this.stored = stored;
        this.log = log;
    }

    @Override
    public int store(StoreRequest rq) throws DicomServiceException {
        long start = System.nanoTime();
        Attributes ds = rq.dataset();
        byte[] bytes = rq.datasetBytes();
        Attributes meta = Part10.createFileMeta(rq.sopClassUid(), rq.sopInstanceUid(), rq.transferSyntaxUid());
        byte[] header = Part10.encodeHeader(meta);   // encoded once: for the size and for the file
        long size = header.length + (long) bytes.length;
        Spool.Stored s;
        try {
            String study = ds.getString(Tag.StudyInstanceUID);
            String series = ds.getString(Tag.SeriesInstanceUID);
            s = spool.store(study, series, rq.sopInstanceUid(), new byte[][] {header, bytes},
                    () -> stored.accept(new StoredInstance(study, series, rq.sopClassUid(), rq.sopInstanceUid(),
                            ds.getString(Tag.Modality), ds.getString(Tag.SeriesNumber),
                            ds.getString(Tag.SeriesDescription), rq.callingAe(),
                            spool.pathFor(study, series, rq.sopInstanceUid()), imagesInAcquisition(ds))));
        } catch (SpoolFullException e) {
            logLine(rq, size, Status.OutOfResources, start);
            log.warn("{} refused {}: {}; free disk space in the spool", rq.association(), rq.sopInstanceUid(),
                    e.getMessage());
            throw new DicomServiceException(Status.OutOfResources, "appliance storage full");
        } catch (IOException e) {
            logLine(rq, size, Status.ProcessingFailure, start);
            log.error("{} could not store {}: {}; check the spool disk", rq.association(), rq.sopInstanceUid(),
                    e.toString());
            throw new DicomServiceException(Status.ProcessingFailure, "appliance could not write the object");
        }
        if (s.differs()) {
            log.warn("{} duplicate SOP Instance {} with different content: kept the first copy {}",
                    rq.association(), rq.sopInstanceUid(), s.file());
        }
        logLine(rq, s.bytes(), Status.Success, start);
        return Status.Success;
    }

    private static int imagesInAcquisition(Attributes ds) {
        try {
            return Math.max(0, ds.getInt(Tag.ImagesInAcquisition, 0));
        } catch (RuntimeException malformed) {
            return 0;                       // a bad IS value only costs the quiet time
        }
    }

    private void logLine(StoreRequest rq, long bytes, int status, long startNanos) {
        log.info("{} stored {} {} {} bytes status={} {} ms", rq.association(),
                UID.nameOf(rq.sopClassUid()), rq.sopInstanceUid(), bytes,
                Status.hex(status), (System.nanoTime() - startNanos) / 1_000_000);
    }
}
