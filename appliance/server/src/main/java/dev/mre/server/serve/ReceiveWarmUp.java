// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.serve;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import dev.mre.dicom.io.DicomWriter;
import dev.mre.dicom.net.Association;
import dev.mre.dicom.net.DicomClient;
import dev.mre.dicom.net.DicomServer;
import dev.mre.dicom.net.PresentationContext;
import dev.mre.dicom.net.ServerConfig;
import dev.mre.dicom.net.service.DimseServices;
import dev.mre.dicom.net.service.Status;
import dev.mre.server.config.AppConfig;
import dev.mre.server.ingest.DurableFiles;
import dev.mre.server.ingest.Spool;
import dev.mre.server.ingest.SpoolStoreHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the DICOM receive and send paths to their compiled steady state at start-up, so that the
 * first console association is served as fast as the ten-thousandth.
 *
 * <p>Why: most of the receive path runs once per object, so the JIT's optimising compiler reaches it
 * only after about 10,000 objects, and on a small appliance its compiler threads take the cores the
 * receiver needs meanwhile (docs/benchmarks.md). An appliance that sees a few hundred images a day
 * would otherwise never get there.
 *
 * <p>How: a second storage SCP, built from the same classes and the configured spool mode (direct or
 * journal), listens on a loopback port with a scratch spool; our own storage SCU sends it synthetic
 * 256x256 16-bit MR objects (no patient data: fixed synthetic identifiers) over one association at
 * a time, as a console does. Every object goes through the real code: PDU framing, reassembly, the
 * data set parse, the spool's durable write (temp file, fsync, rename, directory fsync, or the
 * journal's flush) and the response. The scratch spool is on tmpfs ({@code /dev/shm}) when there is
 * one, so the warm-up neither wears nor waits for the disk (the code paths are the same); each
 * association has its own, deleted after it. Nothing of it reaches the real spool, the series
 * tracker or the pipeline. The real listener is already bound meanwhile: a console that connects
 * during the warm-up is served at once, only not yet at full speed.
 */
public final class ReceiveWarmUp {
    private static final Logger log = LoggerFactory.getLogger(ReceiveWarmUp.class);
    /**
     * The warm-up's per-object lines: formatted as the real ones are (so that path is compiled too)
     * and discarded by logback.xml, not 12,000 lines in the log at every start.
     */
    static final Logger OBJECT_LOG = LoggerFactory.getLogger("dev.mre.warmup.objects");
    /** Calling AE title of the warm-up's associations, as their association lines show it. */
    static final String CALLING_AE = "MRE_WARM_UP";
    /** Objects per association; the association set-up and release paths are warmed too. */
    static final int PER_ASSOCIATION = 1000;
    static final int ROWS = 256;
    static final int COLUMNS = 256;
    /** Root of the synthetic UIDs (2.25 = UUID-derived form; a fixed random root of this project). */
    private static final String UID_ROOT = "2.25.171520734906152278384510342914";

    /** What a warm-up did: objects stored durably by the scratch spool (all of them, on success). */
    public record Result(int objects, long millis) {
    }

    private final Vertx vertx;
    private final AppConfig config;
    private final int objects;
    private final Path scratchParent;
    private final int perAssociation;
    private final AtomicInteger stored = new AtomicInteger();
    private volatile boolean stopped;

    /**
     * @param objects        how many objects to send (0: none)
     * @param scratchParent  where the scratch spool folder is made ({@link #defaultScratchParent})
     */
    public ReceiveWarmUp(Vertx vertx, AppConfig config, int objects, Path scratchParent) {
        this(vertx, config, objects, scratchParent, PER_ASSOCIATION);
    }

    ReceiveWarmUp(Vertx vertx, AppConfig config, int objects, Path scratchParent, int perAssociation) {
        this.perAssociation = perAssociation;
        this.vertx = vertx;
        this.config = config;
        this.objects = objects;
        this.scratchParent = scratchParent;
    }

    /** {@code /dev/shm} when it is a writable folder (tmpfs), else the spool folder itself. */
    public static Path defaultScratchParent(Path spoolDir) {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : spoolDir;
    }

    /** Ends a running warm-up after its current object; {@link #run}'s future then fails. */
    public void stop() {
        stopped = true;
    }

    /**
     * Scratch folders are named after the spool they warm up for, so that a start removes what a
     * killed earlier run of the same appliance left (and never another appliance's).
     */
    String scratchPrefix() {
        return ".mre-dicom-warm-up-" + Integer.toHexString(config.spool().dir().toAbsolutePath().normalize().hashCode()) + "-";
    }

    private void removeLeftovers() throws IOException {
        String prefix = scratchPrefix();
        List<Path> old;
        try (Stream<Path> s = Files.list(scratchParent)) {
            old = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
        for (Path p : old) {
            DurableFiles.deleteTree(p);
            log.info("DICOM warm-up: removed the scratch folder {} left by an earlier run", p);
        }
    }

    /** Runs the warm-up; completes when it is over and its files are gone (fails only on a setup error). */
    public Future<Result> run() {
        if (objects <= 0) {
            return Future.succeededFuture(new Result(0, 0));
        }
        long t0 = System.nanoTime();
        byte[] pixels = syntheticPixels();
        Future<Void> chain = vertx.executeBlocking(() -> {
            removeLeftovers();
            return null;
        });
        for (int first = 0; first < objects; first += perAssociation) {
            int from = first;
            int to = Math.min(objects, first + perAssociation);
            chain = chain.compose(v -> oneAssociation(pixels, from, to));
        }
        return chain.map(v -> new Result(stored.get(), (System.nanoTime() - t0) / 1_000_000))
                .onSuccess(r -> log.info("DICOM warm-up: {} synthetic objects received through loopback associations"
                        + " in {} ms; the receive path is compiled", r.objects(), r.millis()))
                .onFailure(e -> log.warn("DICOM warm-up failed ({}); the first associations will be slower", e.toString()));
    }

    /**
     * One scratch spool, one loopback SCP and one association carrying objects [from, to); the
     * spool is closed (a journal writes its files and retires its records first) and deleted after.
     */
    private Future<Void> oneAssociation(byte[] pixels, int from, int to) {
        return vertx.executeBlocking(() -> {
            // a dot folder: the pipeline's spool scan skips it when the scratch is inside the spool
            Path dir = Files.createTempDirectory(scratchParent, scratchPrefix());
            // the configured durability, without the real spool's 256 MiB of ready journal segments
            Spool spool = Spool.withoutReadySegments(dir, 0, config.spool().journalSegmentBytes());
            spool.recover();
            return spool;
        }).compose(spool -> {
            ServerConfig cfg = DicomConfigs.plain(config.dicom()).withHost("127.0.0.1").withPort(0)
                    .withCallingAeAllowList(Set.of()).withTls(null);
            // as the real handler does: the stored-instance callback hops onto a Vert.x context
            Context ctx = vertx.getOrCreateContext();
            DimseServices services = DimseServices.verificationAndStorage(new SpoolStoreHandler(spool,
                    instance -> {
                        stored.incrementAndGet();
                        ctx.runOnContext(v -> { });
                    }, OBJECT_LOG));
            List<PresentationContext> pcs = List.of(new PresentationContext(UID.MRImageStorage,
                    List.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian)));
            String series = UID_ROOT + ".1." + (from / perAssociation + 1);
            Template template = new Template(series, pixels);
            return DicomServer.start(vertx, cfg, services)
                    .compose(server -> DicomClient.open(vertx, DicomConfigs.client(config.dicom())
                                            .withCallingAe(CALLING_AE), cfg.aeTitle(),
                                    "127.0.0.1", server.actualPort(), pcs)
                            .compose(as -> sendOne(as, template, from, to).eventually(as::release))
                            .eventually(server::close))
                    .eventually(() -> vertx.executeBlocking(() -> {
                        spool.close();
                        DurableFiles.deleteTree(spool.root());
                        return null;
                    }));
        });
    }

    private Future<Void> sendOne(Association as, Template template, long i, long end) {
        if (i >= end) {
            return Future.succeededFuture();
        }
        if (stopped) {
            return Future.failedFuture(new IOException("stopped"));
        }
        long number = Template.FIRST_NUMBER + i;
        return as.cstore(UID.MRImageStorage, template.series + "." + number, UID.ExplicitVRLittleEndian,
                template.dataset(number)).compose(st -> {
                    if (st.status() != Status.Success) {
                        return Future.failedFuture(new IOException("warm-up object refused with status "
                                + Status.hex(st.status()) + (st.errorComment() == null ? "" : " (" + st.errorComment() + ")")));
                    }
                    return sendOne(as, template, i + 1, end);
                });
    }

    /**
     * One association's data set, encoded once (off the hot path); each object is a copy with the
     * last component of its SOP Instance UID, a fixed-width number, written in place.
     */
    static final class Template {
        /** Instance numbers have 10 digits (no leading zero) for any int count of objects. */
        static final long FIRST_NUMBER = 1_000_000_000L;
        private static final int DIGITS = 10;
        final String series;
        private final byte[] bytes;
        private final int digitsAt;

        Template(String series, byte[] pixels) {
            this.series = series;
            String first = series + "." + FIRST_NUMBER;
            bytes = DicomWriter.writeDataset(ReceiveWarmUp.dataset(series, first, pixels), UID.ExplicitVRLittleEndian);
            digitsAt = indexOf(bytes, first.getBytes(StandardCharsets.US_ASCII)) + first.length() - DIGITS;
        }

        byte[] dataset(long number) {
            byte[] ds = bytes.clone();
            for (int k = DIGITS - 1; k >= 0; k--, number /= 10) {
                ds[digitsAt + k] = (byte) ('0' + number % 10);
            }
            return ds;
        }

        private static int indexOf(byte[] hay, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new IllegalStateException("SOP Instance UID not found in the encoded warm-up data set");
        }
    }

    private static Attributes dataset(String series, String iuid, byte[] pixels) {
        Attributes a = new Attributes();
        a.setString(Tag.SOPClassUID, VR.UI, UID.MRImageStorage);
        a.setString(Tag.SOPInstanceUID, VR.UI, iuid);
        a.setString(Tag.StudyInstanceUID, VR.UI, UID_ROOT + ".1");
        a.setString(Tag.SeriesInstanceUID, VR.UI, series);
        a.setString(Tag.Modality, VR.CS, "MR");
        a.setString(Tag.PatientName, VR.PN, "WARM^UP");
        a.setString(Tag.PatientID, VR.LO, "WARMUP");
        a.setString(Tag.SeriesDescription, VR.LO, "appliance DICOM warm-up");
        a.setInt(Tag.Rows, VR.US, ROWS);
        a.setInt(Tag.Columns, VR.US, COLUMNS);
        a.setInt(Tag.BitsAllocated, VR.US, 16);
        a.setInt(Tag.BitsStored, VR.US, 12);
        a.setInt(Tag.HighBit, VR.US, 11);
        a.setInt(Tag.PixelRepresentation, VR.US, 0);
        a.setInt(Tag.SamplesPerPixel, VR.US, 1);
        a.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        a.setBytes(Tag.PixelData, VR.OW, pixels);
        return a;
    }

    private static byte[] syntheticPixels() {
        byte[] px = new byte[ROWS * COLUMNS * 2];
        for (int i = 0; i < ROWS * COLUMNS; i++) {
            int v = (int) ((i * 2654435761L) % 4096);
            px[2 * i] = (byte) v;
            px[2 * i + 1] = (byte) (v >> 8);
        }
        return px;
    }
}
