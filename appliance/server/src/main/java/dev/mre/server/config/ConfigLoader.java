// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the configuration: {@link ConfigKeys} defaults, then the JSON file, then command-line
 * overrides (each a nested JSON object, later ones win). A key not in {@link ConfigKeys} is an
 * error naming the key, so a misspelled setting is never silently ignored.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * @param file      the JSON configuration file, or {@code null} for defaults only
     * @param overrides values from the command line, nested like the file
     */
    public static AppConfig load(Path file, JsonObject overrides) throws ConfigException {
        JsonObject merged = ConfigKeys.defaults();
        if (file != null) {
            JsonObject fromFile = readFile(file);
            checkKnownKeys(fromFile, "", file.toString());
            merged.mergeIn(fromFile, true);
        }
        checkKnownKeys(overrides, "", "command line");
        merged.mergeIn(overrides, true);
        return fromJson(new Values(merged, file == null ? "defaults" : file.toString()));
    }

    private static JsonObject readFile(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist; check the path given to --config",
                    e);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e
                    + "; check the path and permissions given to --config", e);
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException e) {
            throw new ConfigException("configuration file " + file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static void checkKnownKeys(JsonObject json, String prefix, String source) throws ConfigException {
        for (String name : json.fieldNames()) {
            String path = prefix + name;
            Object value = json.getValue(name);
            if (ConfigKeys.isKey(path)) {
                continue;
            }
            if (ConfigKeys.isSection(path)) {
                if (!(value instanceof JsonObject section)) {
                    throw new ConfigException(source + ": '" + path + "' must be an object with keys "
                            + keysUnder(path));
                }
                checkKnownKeys(section, path + ".", source);
                continue;
            }
            throw new ConfigException(source + ": unknown configuration key '" + path + "'"
                    + (prefix.isEmpty() ? "" : "; known keys there: " + keysUnder(prefix.substring(0, prefix.length() - 1)))
                    + " (see docs/configuration.md)");
        }
    }

    private static List<String> keysUnder(String section) {
        return ConfigKeys.ALL.stream().map(ConfigKeys.Key::path).filter(p -> p.startsWith(section + ".")).toList();
    }

    private static AppConfig fromJson(Values v) throws ConfigException {
        AppConfig.Tls tls = new AppConfig.Tls(v.bool("dicom.tls.enabled"), v.port("dicom.tls.port"),
                v.path("dicom.tls.certChainPem"), v.path("dicom.tls.privateKeyPem"),
                v.path("dicom.tls.trustedCertsPem"), v.bool("dicom.tls.requireClientCert"));
        if (tls.enabled() && (tls.certChainPem() == null || tls.privateKeyPem() == null)) {
            throw new ConfigException(v.source + ": dicom.tls.enabled is true but dicom.tls.certChainPem and "
                    + "dicom.tls.privateKeyPem are not both set; give both PEM files or disable TLS");
        }
        for (String ae : v.strings("dicom.callingAeAllowList")) {
            v.check("dicom.callingAeAllowList", () -> AeAddress.checkAeTitle(ae));
        }
        if (v.positive("dicom.maxPduLength") < 4096) {
            throw new ConfigException(v.source + ": key 'dicom.maxPduLength' must be at least 4096 bytes");
        }
        String aeTitle = v.str("dicom.aeTitle");
        v.check("dicom.aeTitle", () -> AeAddress.checkAeTitle(aeTitle));
        AppConfig.Dicom dicom = new AppConfig.Dicom(v.str("dicom.host"), v.port("dicom.port"), aeTitle,
                v.strings("dicom.acceptedSopClasses"), v.strings("dicom.acceptedTransferSyntaxes"),
                v.strings("dicom.callingAeAllowList"), v.positive("dicom.maxAssociations"),
                v.positive("dicom.maxPduLength"), v.seconds("dicom.idleTimeoutSeconds"),
                v.seconds("dicom.artimTimeoutSeconds"), tls, v.nonNegative("dicom.warmUpObjects"));
        AppConfig.Spool spool = new AppConfig.Spool(v.path("spool.dir"),
                v.nonNegative("spool.reserveMegabytes") * 1024L * 1024L,
                v.nonNegative("spool.journalSegmentMegabytes") * 1024L * 1024L);
        AppConfig.Series series = new AppConfig.Series(v.seconds("series.quietTimeSeconds"),
                v.seconds("series.reopenWindowSeconds"));
        Duration initial = v.seconds("outbox.retry.initialDelaySeconds");
        Duration max = v.seconds("outbox.retry.maxDelaySeconds");
        int attempts = v.nonNegative("outbox.retry.maxAttempts");
        RetryPolicy retry = v.check("outbox.retry", () -> new RetryPolicy(initial, max, attempts));
        AppConfig.Pipeline pipeline = new AppConfig.Pipeline(v.bool("pipeline.enabled"), v.path("pipeline.stateDir"),
                v.path("results.dir"), v.bool("pipeline.warmUp"));
        AppConfig.Recognition recognition = new AppConfig.Recognition(regex(v, "recognition.mreSeries"),
                regex(v, "recognition.elastogramSeries"), regex(v, "recognition.maskedSeries"),
                v.str("recognition.geCreator"), v.strings("recognition.radiansRescaleTypes"),
                regex(v, "recognition.frequencyInName"), v.positiveNumber("recognition.defaultFrequencyHz"));
        return new AppConfig(dicom, spool, series, new AppConfig.Outbox(v.path("outbox.dir"), retry,
                java.time.Duration.ofDays(v.nonNegative("outbox.keepDoneDays"))),
                destinations(v), pipeline, recognition, new AppConfig.Models(v.optionalStr("models.dir")),
                measurement(v));
    }

    private static AppConfig.Measurement measurement(Values v) throws ConfigException {
        double margin = v.number("measurement.edgeMarginMm");
        double rim = v.number("measurement.vesselRimPixels");
        dev.mre.science.measure.RoiConfig roi = v.check("measurement.edgeMarginMm",
                () -> new dev.mre.science.measure.RoiConfig(margin, rim));
        double diff = v.number("measurement.review.maxDlPhysicsDifferencePercent");
        double area = v.number("measurement.review.minRoiAreaCm2");
        double coverage = v.number("measurement.review.minConfidenceCoveragePercent");
        dev.mre.science.measure.QualityThresholds review = v.check("measurement.review",
                () -> new dev.mre.science.measure.QualityThresholds(diff / 100, area, coverage / 100));
        return new AppConfig.Measurement(roi, stagingTable(v), review);
    }

    /** "mayo" and "jmir2025" are the shipped tables; anything else is the path of a site's table file. */
    private static dev.mre.science.measure.StagingTable stagingTable(Values v) throws ConfigException {
        String name = v.str("measurement.stagingTable");
        switch (name) {
            case "mayo":
                return dev.mre.science.measure.StagingTables.mayo();
            case "jmir2025":
                return dev.mre.science.measure.StagingTables.jmir2025();
            default:
                String text;
                try {
                    text = java.nio.file.Files.readString(java.nio.file.Path.of(name));
                } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                    throw new ConfigException(v.source + ": key 'measurement.stagingTable': neither 'mayo', 'jmir2025'"
                            + " nor a readable table file: " + e.getMessage(), e);
                }
                return v.check("measurement.stagingTable", () -> dev.mre.science.measure.StagingTable.parse(text));
        }
    }

    private static java.util.regex.Pattern regex(Values v, String key) throws ConfigException {
        String s = v.str(key);
        return v.check(key, () -> java.util.regex.Pattern.compile(s));
    }

    private static List<AppConfig.Destination> destinations(Values v) throws ConfigException {
        JsonArray list = v.array("destinations");
        List<AppConfig.Destination> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "destinations[" + i + "]";
            Object entry = list.getValue(i);
            if (entry instanceof String s) {
                result.add(new AppConfig.Destination(v.check(key, () -> AeAddress.parse(s)), false));
            } else if (entry instanceof JsonObject o) {
                for (String name : o.fieldNames()) {
                    if (!name.equals("address") && !name.equals("tls")) {
                        throw new ConfigException(v.source + ": unknown configuration key '" + key + "." + name
                                + "'; a destination has only 'address' and 'tls'");
                    }
                }
                Object address = o.getValue("address");
                Object tls = o.getValue("tls", false);
                if (!(address instanceof String s) || !(tls instanceof Boolean b)) {
                    throw new ConfigException(v.source + ": " + key
                            + " needs \"address\": \"AE@host:port\" and optionally \"tls\": true/false");
                }
                result.add(new AppConfig.Destination(v.check(key, () -> AeAddress.parse(s)), b));
            } else {
                throw new ConfigException(v.source + ": " + key + " must be \"AE@host:port\" or an object");
            }
        }
        return result;
    }
}
