// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.io.DicomReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The DICOM adapter of the {@code process} command: reads a folder of DICOM files (recursively),
 * recognises the MRE magnitude and phase images of GE-like and Siemens-like exports by the
 * {@link RecognitionRules}, and builds the science's {@code MreExam}. Exists at the edge so the
 * science never sees DICOM. Every series gets a {@link SeriesReport}; an unusable folder is an
 * {@link ExamException} that says what is missing or inconsistent. Reads no patient data into
 * messages: series are named by number and description.
 */
public final class ExamReader {
    private final RecognitionRules rules;

    public ExamReader(RecognitionRules rules) {
        this.rules = rules;
    }

    public ExamReading read(Path dir) throws ExamException {
        if (!Files.isDirectory(dir)) {
            throw ExamException.noInput("input folder " + dir + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            throw ExamException.noInput("cannot list input folder " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw ExamException.noInput("input folder " + dir + " holds no files; give the folder of the MRE exam");
        }
        return read(dir, files);
    }

    /**
     * Reads the given files (names in messages relative to {@code root}); the appliance passes the
     * files of the series it knows to be complete, never a folder that is still being written.
     */
    public ExamReading read(Path root, List<Path> files) throws ExamException {
        if (files.isEmpty()) {
            throw ExamException.noInput("no files given under " + root);
        }
        Path dir = root;
        ImageClassifier classifier = new ImageClassifier(rules);
        List<SourceImage> images = new ArrayList<>();
        for (Path f : files) {
            String name = dir.relativize(f).toString();
            try {
                Attributes a = DicomReader.readFile(f).dataset();
                ImageClassifier.Decision d = classifier.classify(a);
                if (!d.role().input() && d.role() != ImageRole.MASKED_ELASTOGRAM) {
                    a.remove(Tag.PixelData);                     // keep only inversion and DL input in memory
                }
                images.add(new SourceImage(f, name, a, d));
            } catch (IOException | RuntimeException e) {
                images.add(new SourceImage(f, name, null,
                        new ImageClassifier.Decision(ImageRole.UNREADABLE, "not readable as DICOM")));
            }
        }
        List<String> warnings = new ArrayList<>();
        ExamAssembler.Result r;
        try {
            r = ExamAssembler.assemble(images, rules, warnings);
        } catch (ExamException e) {
            throw e.withSeries(reports(images, null));
        }
        VendorElastogram elastogram = VendorElastogram.find(images, r.phase(), r.exam(), warnings);
        List<SeriesReport> reports = new ArrayList<>();
        for (SeriesReport s : reports(images, r.usedSeries())) {
            boolean dl = elastogram.present() && images.stream().anyMatch(i -> i.seriesUid().equals(elastogram.seriesUid())
                    && i.seriesLabel().equals(s.series()));
            reports.add(dl ? new SeriesReport(s.series(), s.files(), s.roles(), s.used(), s.reason()
                    + "; elastogram_kpa input of the DL models") : s);
        }
        return new ExamReading(r.exam(), reports, warnings, r.frequencySource(), r.phaseScaling(), r.studyUid(),
                r.sliceSources(), r.inputFiles(), elastogram);
    }

    /**
     * One report per series (unreadable files together), with the reasons of its files' roles;
     * {@code used} is null when no exam could be assembled.
     */
    static List<SeriesReport> reports(List<SourceImage> images, Set<String> used) {
        Map<String, List<SourceImage>> series = new LinkedHashMap<>();
        for (SourceImage s : images) {
            series.computeIfAbsent(s.seriesUid(), k -> new ArrayList<>()).add(s);
        }
        List<SeriesReport> out = new ArrayList<>();
        for (Map.Entry<String, List<SourceImage>> e : series.entrySet()) {
            Map<ImageRole, Integer> roles = new EnumMap<>(ImageRole.class);
            Set<String> reasons = new LinkedHashSet<>();
            for (SourceImage s : e.getValue()) {
                roles.merge(s.role(), 1, Integer::sum);
                reasons.add(s.decision().reason());
            }
            boolean candidate = roles.keySet().stream().anyMatch(ImageRole::input);
            boolean isUsed = used != null && used.contains(e.getKey());
            String why = isUsed ? "inversion input: " + String.join("; ", reasons)
                    : candidate && used == null ? "candidate input: " + String.join("; ", reasons)
                    : candidate ? "not used: does not belong to the chosen phase series (" + String.join("; ", reasons) + ")"
                    : "not used: " + String.join("; ", reasons);
            out.add(new SeriesReport(e.getValue().get(0).seriesLabel(), e.getValue().size(), roles, isUsed, why));
        }
        return out;
    }
}
