// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The appliance's whole configuration, immutable, as read by {@link ConfigLoader}. Keys, defaults
 * and meanings are listed in {@link ConfigKeys}.
 */
public record AppConfig(Dicom dicom, Spool spool, Series series, Outbox outbox, List<Destination> destinations,
                        Pipeline pipeline, Recognition recognition, Models models, Measurement measurement) {

    public AppConfig {
        destinations = List.copyOf(destinations);
    }

    /** The DICOM listener. */
    public record Dicom(String host, int port, String aeTitle, List<String> acceptedSopClasses,
                        List<String> acceptedTransferSyntaxes, List<String> callingAeAllowList,
                        int maxAssociations, int maxPduLength, Duration idleTimeout, Duration artimTimeout, Tls tls,
                        int warmUpObjects) {
        public Dicom {
            acceptedSopClasses = List.copyOf(acceptedSopClasses);
            acceptedTransferSyntaxes = List.copyOf(acceptedTransferSyntaxes);
            callingAeAllowList = List.copyOf(callingAeAllowList);
        }
    }

    /** DICOM over TLS; PEM paths are {@code null} when not set. */
    public record Tls(boolean enabled, int port, Path certChainPem, Path privateKeyPem, Path trustedCertsPem,
                      boolean requireClientCert) {
    }

    /** The spool of received objects; {@code journalSegmentBytes} 0 writes every file directly. */
    public record Spool(Path dir, long reserveBytes, long journalSegmentBytes) {
    }

    /** Series completeness. */
    public record Series(Duration quietTime, Duration reopenWindow) {
    }

    /** The outbox of our own sends. */
    public record Outbox(Path dir, RetryPolicy retry, java.time.Duration keepDone) {
    }

    /** Exam processing: on or off, processed-exam markers, result objects. */
    public record Pipeline(boolean enabled, Path stateDir, Path resultsDir, boolean warmUp) {
    }

    /** The liver ROI, the staging table and the review-flag thresholds (docs/measurement.md). */
    public record Measurement(dev.mre.science.measure.RoiConfig roi, dev.mre.science.measure.StagingTable staging,
                              dev.mre.science.measure.QualityThresholds review) {
    }

    /** Model packages; {@code dir} is {@code null} for the default search. */
    public record Models(String dir) {
    }

    /** The series recognition rules, as configured (regular expressions already compiled). */
    public record Recognition(Pattern mreSeries, Pattern elastogramSeries, Pattern maskedSeries, String geCreator,
                              List<String> radiansRescaleTypes, Pattern frequencyInName, double defaultFrequencyHz) {
        public Recognition {
            radiansRescaleTypes = List.copyOf(radiansRescaleTypes);
        }
    }

    /** One result destination. */
    public record Destination(AeAddress address, boolean tls) {
        @Override
        public String toString() {
            return address + (tls ? " (TLS)" : "");
        }
    }
}
