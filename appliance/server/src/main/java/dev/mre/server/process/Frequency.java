// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Tag;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Finds the mechanical driver frequency. No standard DICOM attribute holds it (ImagingFrequency
 * is the Larmor frequency); scanners name it in the series or protocol ("MRE 60Hz RAW",
 * "MRE_60Hz_phase"). Precedence: the operator's --frequency; the rules' pattern in the phase
 * series' SeriesDescription, then its ProtocolName, then the magnitude series'; else the
 * configured default with a warning.
 */
final class Frequency {
    /** The frequency and where it came from. */
    record Found(double hz, String source) {
    }

    private Frequency() {
    }

    static Found find(RecognitionRules rules, SourceImage phase, SourceImage magnitude, List<String> warnings) {
        if (!Double.isNaN(rules.frequencyOverrideHz())) {
            return new Found(rules.frequencyOverrideHz(), "--frequency");
        }
        for (SourceImage s : magnitude == null ? List.of(phase) : List.of(phase, magnitude)) {
            for (int tag : new int[] {Tag.SeriesDescription, Tag.ProtocolName}) {
                String text = s.data().getString(tag, "");
                Matcher m = rules.frequencyInName().matcher(text);
                if (m.find()) {
                    double hz = Double.parseDouble(m.group(1));
                    if (hz > 0) {
                        return new Found(hz, (tag == Tag.SeriesDescription ? "SeriesDescription" : "ProtocolName")
                                + " '" + text + "'");
                    }
                }
            }
        }
        warnings.add(String.format(Locale.ROOT, "no driver frequency in the series descriptions or protocol names;"
                + " assuming %s Hz. Give --frequency HZ if the exam used another", ExamAssembler.fmt(
                rules.defaultFrequencyHz())));
        return new Found(rules.defaultFrequencyHz(), "default (not stated in the images)");
    }
}
