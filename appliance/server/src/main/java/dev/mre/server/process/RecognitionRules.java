// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules that decide which DICOM images of a folder are MRE magnitude and phase input, as data
 * with documented defaults ({@link #defaults()}), so a site can adapt them to its scanners without
 * code changes. The order in which {@link ImageClassifier} applies them is in docs/process.md.
 *
 * @param sopClasses          SOP classes read as single-frame images (MR Image Storage)
 * @param mreSeries           a series is MRE if its SeriesDescription or ProtocolName matches
 *                            (or it carries GE's MRE image-kind tag)
 * @param elastogramSeries    a series description of a vendor elastogram (not inversion input)
 * @param maskedSeries        among elastograms, the confidence-masked copy
 * @param geCreator           private creator of GE's image-kind element (0043,xx2F)
 * @param geKindElement       element byte of the image kind within the creator's block (0x2F)
 * @param radiansRescaleTypes RescaleType values meaning "rescaled phase is in radians"
 * @param frequencyInName     finds the driver frequency in SeriesDescription or ProtocolName
 * @param defaultFrequencyHz  driver frequency assumed (with a warning) when no name states it
 * @param frequencyOverrideHz the operator's frequency (--frequency); NaN when not given
 */
public record RecognitionRules(Set<String> sopClasses, Pattern mreSeries, Pattern elastogramSeries,
                               Pattern maskedSeries, String geCreator, int geKindElement,
                               Set<String> radiansRescaleTypes, Pattern frequencyInName,
                               double defaultFrequencyHz, double frequencyOverrideHz) {

    /** Magnitude, phase, real, imaginary: GE's (0043,102F) values 0..3, in that order. */
    static final List<ImageRole> GE_KINDS = List.of(ImageRole.MAGNITUDE, ImageRole.PHASE, ImageRole.REAL,
            ImageRole.IMAGINARY);

    /** The documented defaults (docs/process.md, "Recognition rules"). */
    public static RecognitionRules defaults() {
        return new RecognitionRules(Set.of("1.2.840.10008.5.1.4.1.1.4"),
                Pattern.compile("(?i)MRE|elastograph|MR-?Touch"),
                Pattern.compile("(?i)STGRY|elastogram|stiffness"),
                Pattern.compile("(?i)STGRYM|mask|confidence"),
                "GEMS_PARM_01", 0x2F, Set.of("RAD", "RADIAN", "RADIANS"),
                Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*Hz"), 60, Double.NaN);
    }

    /** The rules as configured ({@code recognition.*} keys, docs/configuration.md). */
    public static RecognitionRules of(dev.mre.server.config.AppConfig.Recognition r) {
        RecognitionRules d = defaults();
        return new RecognitionRules(d.sopClasses(), r.mreSeries(), r.elastogramSeries(), r.maskedSeries(), r.geCreator(),
                d.geKindElement(), Set.copyOf(r.radiansRescaleTypes()), r.frequencyInName(), r.defaultFrequencyHz(),
                Double.NaN);
    }

    /** A copy with the operator's driver frequency, which wins over any series name. */
    public RecognitionRules withFrequency(double hz) {
        return new RecognitionRules(sopClasses, mreSeries, elastogramSeries, maskedSeries, geCreator, geKindElement,
                radiansRescaleTypes, frequencyInName, defaultFrequencyHz, hz);
    }
}
