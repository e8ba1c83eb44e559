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

    /**
     * Sends one object: unchanged in its own transfer syntax when the peer accepted it, else (for
     * uncompressed data only) transcoded to an accepted little endian syntax. File reading and
     * transcoding run on {@code io}. Fails when no accepted context fits.
     */
    public static Future<DimseStatus> store(Association as, Part10Object o, WorkerExecutor io) {
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
                return bytes;
            }
            return DicomWriter.writeDataset(DicomReader.readDataset(bytes, 0, bytes.length, own,
                    o.file().toString()), ts);
        }).compose(bytes -> as.cstore(o.sopClassUid(), o.sopInstanceUid(), ts, bytes));
    }
}
