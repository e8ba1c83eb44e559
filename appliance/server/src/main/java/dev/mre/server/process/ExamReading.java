// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.science.MreExam;
import java.nio.file.Path;
import java.util.List;

/**
 * The science's input record built from a DICOM folder, together with the adapter's account of
 * how: every series decision, the warnings, and where the frequency and phase scaling came from.
 *
 * @param exam             the exam for {@code PhysicsPipeline} (phase already in radians)
 * @param series           one report per series of the folder, in file order
 * @param warnings         assumptions the user should know about (e.g. default frequency)
 * @param frequencySource  where {@code exam.frequencyHz()} came from, in words
 * @param phaseScaling     the rule that turned stored phase into radians, in words
 * @param studyUid         Study Instance UID of the exam (for logs; never patient data)
 * @param sliceSources     per slice (exam order), the file of its first magnitude image (first phase
 *                         image when there is no magnitude): what result objects reference
 * @param inputFiles       every file the exam was built from, sorted (what decides "changed")
 * @param elastogram       the scanner's masked elastogram per slice, for the DL models (may be absent)
 */
public record ExamReading(MreExam exam, List<SeriesReport> series, List<String> warnings, String frequencySource,
                          String phaseScaling, String studyUid, List<Path> sliceSources, List<Path> inputFiles,
                          VendorElastogram elastogram) {

    public ExamReading {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
        sliceSources = List.copyOf(sliceSources);
        inputFiles = List.copyOf(inputFiles);
    }
}
