// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Every key of the configuration file, with its default and a one-line description: the one place
 * where keys are defined. {@link ConfigLoader} rejects keys that are not listed here, and
 * {@code docs/configuration.md} holds {@link #markdownTable()} (a test keeps the two equal).
 */
public final class ConfigKeys {

    /** One key: dotted path, default value (JSON type; {@code null} = not set) and description. */
    public record Key(String path, Object defaultValue, String description) {
    }

    /** Storage SOP classes an MRE exam arrives as (magnitude, phase/wave images, vendor elastograms). */
    static final List<String> DEFAULT_SOP_CLASSES = List.of(
            "1.2.840.10008.1.1",                // Verification (C-ECHO)
            "1.2.840.10008.5.1.4.1.1.4",        // MR Image Storage
            "1.2.840.10008.5.1.4.1.1.4.1",      // Enhanced MR Image Storage
            "1.2.840.10008.5.1.4.1.1.4.3",      // Enhanced MR Color Image Storage
            "1.2.840.10008.5.1.4.1.1.4.4",      // Legacy Converted Enhanced MR Image Storage
            "1.2.840.10008.5.1.4.1.1.7",        // Secondary Capture Image Storage
            "1.2.840.10008.5.1.4.1.1.7.2",      // Multi-frame Grayscale Byte SC Image Storage
            "1.2.840.10008.5.1.4.1.1.7.3",      // Multi-frame Grayscale Word SC Image Storage
            "1.2.840.10008.5.1.4.1.1.7.4",      // Multi-frame True Color SC Image Storage
            "1.2.840.10008.5.1.4.1.1.66.4",     // Segmentation Storage
            "1.2.840.10008.5.1.4.1.1.88.22",    // Enhanced SR Storage
            "1.2.840.10008.5.1.4.1.1.88.33");   // Comprehensive SR Storage

    /** Uncompressed syntaxes first; compressed ones are accepted and stored unchanged. */
    static final List<String> DEFAULT_TRANSFER_SYNTAXES = List.of(
            "1.2.840.10008.1.2",                // Implicit VR Little Endian
            "1.2.840.10008.1.2.1",              // Explicit VR Little Endian
            "1.2.840.10008.1.2.1.99",           // Deflated Explicit VR Little Endian
            "1.2.840.10008.1.2.2",              // Explicit VR Big Endian (retired, still sent by old consoles)
            "1.2.840.10008.1.2.4.50",           // JPEG Baseline
            "1.2.840.10008.1.2.4.51",           // JPEG Extended
            "1.2.840.10008.1.2.4.57",           // JPEG Lossless
            "1.2.840.10008.1.2.4.70",           // JPEG Lossless SV1
            "1.2.840.10008.1.2.4.80",           // JPEG-LS Lossless
            "1.2.840.10008.1.2.4.81",           // JPEG-LS Near-Lossless
            "1.2.840.10008.1.2.4.90",           // JPEG 2000 Lossless
            "1.2.840.10008.1.2.4.91",           // JPEG 2000
            "1.2.840.10008.1.2.5");             // RLE Lossless

    public static final List<Key> ALL = List.of(
            new Key("dicom.host", "0.0.0.0", "Address the DICOM listener binds to."),
            new Key("dicom.port", 11112, "DICOM (plain TCP) port; 0 picks a free port."),
            new Key("dicom.aeTitle", "MRE_APPLIANCE", "Our AE title: called AE for received associations, calling AE for sends."),
            new Key("dicom.acceptedSopClasses", new JsonArray(DEFAULT_SOP_CLASSES),
                    "SOP classes accepted as SCP: Verification, MR, Enhanced MR (+colour, legacy converted), SC (+multi-frame grey/colour), SEG, Enhanced/Comprehensive SR."),
            new Key("dicom.acceptedTransferSyntaxes", new JsonArray(DEFAULT_TRANSFER_SYNTAXES),
                    "Transfer syntaxes accepted for each SOP class: Implicit/Explicit LE, Deflated, Explicit BE, JPEG, JPEG-LS, JPEG 2000, RLE (compressed ones stored unchanged)."),
            new Key("dicom.callingAeAllowList", new JsonArray(), "Calling AE titles allowed to associate; [] accepts any."),
            new Key("dicom.maxAssociations", 16, "Concurrent associations; more are rejected (transient)."),
            new Key("dicom.maxPduLength", 65536, "Maximum PDU length we receive, in bytes."),
            new Key("dicom.idleTimeoutSeconds", 60, "An association idle this long is aborted."),
            new Key("dicom.artimTimeoutSeconds", 30, "ARTIM timer: wait for A-ASSOCIATE-RQ / release, in seconds."),
            new Key("dicom.warmUpObjects", 12000, "At start, send this many synthetic 256x256 MR objects (no patient data) from our storage SCU to a second storage SCP on a loopback port with a scratch spool on tmpfs, so that the JIT has compiled the receive and send paths before the first console association (about 10-20 s of CPU while the listener already serves; docs/benchmarks.md). 0: no warm-up."),
            new Key("dicom.tls.enabled", false, "Also listen with DICOM over TLS."),
            new Key("dicom.tls.port", 2762, "DICOM TLS port (2762 is the registered dicom-tls port)."),
            new Key("dicom.tls.certChainPem", null, "PEM file with our certificate chain (required when TLS is enabled)."),
            new Key("dicom.tls.privateKeyPem", null, "PEM file with our private key (required when TLS is enabled)."),
            new Key("dicom.tls.trustedCertsPem", null, "PEM file with trusted peer CA certificates; used for client auth and for TLS sends."),
            new Key("dicom.tls.requireClientCert", false, "Reject TLS peers without a certificate signed by trustedCertsPem."),
            new Key("spool.dir", "/var/lib/mre/spool", "Where received objects are stored: <dir>/<study>/<series>/<sopInstance>.dcm."),
            new Key("spool.reserveMegabytes", 256, "Refuse objects (status A700) when less than this much disk would remain free."),
            new Key("spool.journalSegmentMegabytes", 0, "0 (default): each object's file is written and fsynced (temp file, fsync, rename, directory fsync) before it is acknowledged. N > 0: a write-ahead journal of N MiB segments under <spool.dir>/.journal; an object is acknowledged once its record there is flushed (one data flush, shared by concurrent associations) and its file is written by the same recipe once the stores pause (at most 2 s later), in batches; about 256 MiB of segments are kept zero-filled and ready (docs/conformance.md, Durability; docs/benchmarks.md)."),
            new Key("series.quietTimeSeconds", 5, "A series is complete this long after its last instance arrived."),
            new Key("series.reopenWindowSeconds", 3600, "A completed series is remembered this long: a late instance re-opens it."),
            new Key("outbox.dir", "/var/lib/mre/outbox", "Persistent queue of the appliance's own sends (pending/, objects/, done/, failed/)."),
            new Key("outbox.keepDoneDays", 30, "Days the records of delivered sends (done/ and the queued-once markers keys/) are kept; pruned at start and hourly. failed/ is never pruned."),
            new Key("outbox.retry.initialDelaySeconds", 5, "Delay before the first retry of a failed send; doubles per attempt."),
            new Key("outbox.retry.maxDelaySeconds", 600, "Upper bound of the retry delay."),
            new Key("outbox.retry.maxAttempts", 0, "Attempts before a job moves to failed/; 0 retries until acknowledged."),
            new Key("pipeline.enabled", true, "Process complete MRE exams from the spool (false: receive and store only)."),
            new Key("measurement.edgeMarginMm", 10.0, "ROI edge margin: the liver ∩ 95%-confidence region is eroded by this distance (mm, converted to pixels from the pixel spacing)."),
            new Key("measurement.vesselRimPixels", 1.0, "Pixels removed around each vessel hole inside the liver mask, besides the hole itself."),
            new Key("measurement.stagingTable", "mayo", "Fibrosis staging cut-offs: 'mayo' (shipped, default), 'jmir2025' (shipped: F2 at 2.8 kPa) or the path of a site's table file (format in docs/measurement.md); its name and version are in every result."),
            new Key("measurement.review.maxDlPhysicsDifferencePercent", 10.0, "Review flag when DL and physics ROI stiffness differ by more than this (percent of physics)."),
            new Key("measurement.review.minRoiAreaCm2", 5.0, "Review flag when the exam's measured ROI area is below this (cm²)."),
            new Key("measurement.review.minConfidenceCoveragePercent", 30.0, "Review flag when less of the liver than this (percent) lies inside the 95% confidence mask."),
            new Key("pipeline.warmUp", true, "At start, run the whole analysis once on a generated one-slice phantom (a few seconds, while the receiver already listens) so that the first real exam does not pay for JIT compilation and the first inference."),
            new Key("pipeline.stateDir", "/var/lib/mre/state", "Which exam inputs were processed (one marker per study): an exam is processed once, and again only when its images change."),
            new Key("results.dir", "/var/lib/mre/results", "Result objects of every processed exam, <dir>/<study>/<input fingerprint>/; the only output when no destination is set."),
            new Key("models.dir", null, "Folder of installed model packages (<dir>/liver-seg-edge, <dir>/stiffness-unet); not set: the first 'models' folder next to or above the appliance jar."),
            new Key("recognition.mreSeries", "(?i)MRE|elastograph|MR-?Touch", "Regex: a series is MRE when its SeriesDescription or ProtocolName matches (or it carries GE's image-kind tag)."),
            new Key("recognition.elastogramSeries", "(?i)STGRY|elastogram|stiffness", "Regex on SeriesDescription: a vendor elastogram (never inverted; the JMIR 2025 model's input)."),
            new Key("recognition.maskedSeries", "(?i)STGRYM|mask|confidence", "Regex on SeriesDescription: among elastograms, the confidence-masked copy."),
            new Key("recognition.geCreator", "GEMS_PARM_01", "Private creator of GE's image-kind element (0043,xx2F): 0 magnitude, 1 phase, 2 real, 3 imaginary."),
            new Key("recognition.radiansRescaleTypes", new JsonArray(List.of("RAD", "RADIAN", "RADIANS")), "RescaleType values meaning the rescaled phase is in radians."),
            new Key("recognition.frequencyInName", "(?i)(\\d+(?:\\.\\d+)?)\\s*Hz", "Regex finding the driver frequency (group 1, Hz) in SeriesDescription or ProtocolName."),
            new Key("recognition.defaultFrequencyHz", 60, "Driver frequency assumed, with a warning, when no series name states it."),
            new Key("destinations", new JsonArray(),
                    "Where results are sent: list of \"AE@host:port\" or {\"address\": \"AE@host:port\", \"tls\": true}."));

    private ConfigKeys() {
    }

    /** The defaults as a nested JSON object (dotted paths become nested objects). */
    static JsonObject defaults() {
        JsonObject root = new JsonObject();
        for (Key k : ALL) {
            String[] parts = k.path().split("\\.");
            JsonObject node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!node.containsKey(parts[i])) {
                    node.put(parts[i], new JsonObject());
                }
                node = node.getJsonObject(parts[i]);
            }
            Object v = k.defaultValue();
            node.put(parts[parts.length - 1], v instanceof JsonArray a ? a.copy() : v);
        }
        return root;
    }

    static boolean isKey(String path) {
        return ALL.stream().anyMatch(k -> k.path().equals(path));
    }

    static boolean isSection(String path) {
        return ALL.stream().anyMatch(k -> k.path().startsWith(path + "."));
    }

    /** The table in docs/configuration.md. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (Key k : ALL) {
            sb.append("| `").append(k.path()).append("` | ").append(render(k.defaultValue())).append(" | ")
                    .append(k.description()).append(" |\n");
        }
        return sb.toString();
    }

    private static String render(Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (value instanceof JsonArray a) {
            if (a.isEmpty()) {
                return "`[]`";
            }
            StringBuilder sb = new StringBuilder();
            for (Object o : a) {
                sb.append(sb.length() == 0 ? "" : "<br>").append('`').append(o).append('`');
            }
            return sb.toString();
        }
        return value instanceof String ? "`\"" + value + "\"`" : "`" + value + "`";
    }
}
