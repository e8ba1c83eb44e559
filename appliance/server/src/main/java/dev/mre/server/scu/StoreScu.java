// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.scu;

import dev.mre.dicom.data.TransferSyntax;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.io.DicomReader;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.net.Association;
import dev.mre.dicom.net.PresentationContext;
import dev.mre.dicom.net.service.DimseStatus;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * C-STORE of Part 10 files, shared by the {@code send} command and the outbox sender: which
 * presentation contexts to propose, and how to send one file over an accepted context.
 */
public final class StoreScu {
    private static final List<String> LITTLE_ENDIAN = List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);

    private StoreScu() {
    }

    /**
     * One presentation context per (SOP class, transfer syntax) seen; an uncompressed syntax also
     * offers Explicit and Implicit VR Little Endian as fallbacks (we transcode if only those are
     * accepted). Compressed data is only ever proposed, and sent, as it is.
     */
    public static List<PresentationContext> contextsFor(Collection<Part10Object> objects) {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Part10Object o : objects) {
            seen.computeIfAbsent(o.sopClassUid(), k -> new LinkedHashSet<>()).add(o.transferSyntaxUid());
        }
        List<PresentationContext> contexts = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : seen.entrySet()) {
            for (String ts : e.getValue()) {
                List<String> offered = new ArrayList<>(List.of(ts));
                if (!TransferSyntax.of(ts).encapsulated()) {
                    LITTLE_ENDIAN.stream().filter(le -> !le.equals(ts)).forEach(offered::add);
                }
                contexts.add(new PresentationContext(e.getKey(), offered));
            }
        }
        return contexts;
    }

    /** One object's data set bytes in the transfer syntax it will be sent in. */
    public record Prepared(Part10Object object, String transferSyntaxUid, byte[] dataset) {
    }

    /**
     * Sends one object: unchanged in its own transfer syntax when the peer accepted it, else (for
     * uncompressed data only) transcoded to an accepted little endian syntax. File reading and
     * transcoding run on {@code io}. Fails when no accepted context fits.
     */
    public static Future<DimseStatus> store(Association as, Part10Object o, WorkerExecutor io) {
        return prepare(as, o, io).compose(p -> send(as, p));
    }

    /**
     * Reads (and if needed transcodes) one object on {@code io}, choosing the transfer syntax from
     * the accepted contexts; callers may prepare the next object while the current one is in flight.
     */
    public static Future<Prepared> prepare(Association as, Part10Object o, WorkerExecutor io) {
        String own = o.transferSyntaxUid();
        boolean uncompressed = !TransferSyntax.of(own).encapsulated();
        String ts = uncompressed
                ? as.acceptedTransferSyntax(o.sopClassUid(), own, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian)
                : as.acceptedTransferSyntax(o.sopClassUid(), own);
        if (ts == null) {
            return Future.failedFuture(new IllegalStateException(as.label() + " did not accept "
                    + UID.nameOf(o.sopClassUid()) + " in " + UID.nameOf(own)));
        }
        return io.executeBlocking(() -> {
            byte[] bytes = o.datasetBytes();
            if (ts.equals(own)) {
                return new Prepared(o, ts, bytes);
            }
            return new Prepared(o, ts, DicomWriter.writeDataset(DicomReader.readDataset(bytes, 0, bytes.length, own,
                    o.file().toString()), ts));
        });
    }

    /** C-STORE of a prepared object. */
    public static Future<DimseStatus> send(Association as, Prepared p) {
        Part10Object o = p.object();
        return as.cstore(o.sopClassUid(), o.sopInstanceUid(), p.transferSyntaxUid(), p.dataset());
    }
}
