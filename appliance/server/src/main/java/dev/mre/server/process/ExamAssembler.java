// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import dev.mre.dicom.data.Tag;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhaseScaling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns classified images into an {@link MreExam}: one phase series; its magnitudes (same series,
 * GE-like) or the one magnitude series of the study at the same slice positions (Siemens-like);
 * one grid; slices grouped by position along the normal and ordered by it, descending (cranial
 * first for axial images); phase offsets ordered by TriggerTime when every image of the slice has
 * a distinct one, else by InstanceNumber; the same number of offsets in every slice and 1 or
 * that many magnitudes. Every failed check names the slice, series or file.
 */
final class ExamAssembler {
    /** The exam and what the assembly decided. */
    record Result(MreExam exam, Set<String> usedSeries, String frequencySource, String phaseScaling,
                  String studyUid, List<Path> sliceSources, List<Path> inputFiles,
                  SourceImage phase) {
    }

    private ExamAssembler() {
    }

    static Result assemble(List<SourceImage> images, RecognitionRules rules, List<String> warnings)
            throws ExamException {
        Map<String, List<SourceImage>> phaseSeries = bySeries(images, ImageRole.PHASE, null);
        if (phaseSeries.isEmpty()) {
            throw ExamException.unusable("no MRE phase images among " + images.size() + " files; series seen: "
                    + seen(images) + ". The inversion needs the raw phase images of the MRE acquisition");
        }
        if (phaseSeries.size() > 1) {
            throw ExamException.unusable("phase images come from " + phaseSeries.size() + " series ("
                    + labels(phaseSeries) + "); give a folder holding one MRE acquisition");
        }
        List<SourceImage> phase = phaseSeries.values().iterator().next();
        SourceImage first = phase.get(0);
        String study = first.data().getString(Tag.StudyInstanceUID, "");
        List<SourceImage> magnitude = Magnitudes.choose(images, first, locations(phase));
        List<SourceImage> used = new ArrayList<>(phase);
        used.addAll(magnitude);
        for (SourceImage s : used) {
            if (Double.isNaN(s.locationMm())) {
                throw ExamException.unusable(s.name() + " (series " + s.seriesLabel() + ") has neither"
                        + " ImagePositionPatient with ImageOrientationPatient nor SliceLocation: cannot place it");
            }
            if (s.pixelSpacingMm() == null) {
                throw ExamException.unusable(s.name() + " (series " + s.seriesLabel() + ") has no PixelSpacing"
                        + " (0028,0030): the inversion needs the pixel size");
            }
        }
        int rows = first.data().getInt(Tag.Rows, 0);
        int cols = first.data().getInt(Tag.Columns, 0);
        same(used, s -> s.data().getInt(Tag.Rows, 0) + "x" + s.data().getInt(Tag.Columns, 0), "matrix", "");
        same(used, s -> fmt(s.pixelSpacingMm()[0]) + "\\" + fmt(s.pixelSpacingMm()[1]), "pixel spacing", " mm");
        same(used, SourceImage::orientation, "ImageOrientationPatient", "");
        Map<Long, List<SourceImage>> phaseBySlice = bySlice(phase);
        Map<Long, List<SourceImage>> magBySlice = bySlice(magnitude);
        int offsets = OffsetOrder.commonCount(phaseBySlice, first.seriesLabel());
        List<MreSlice> slices = new ArrayList<>();
        List<Path> sliceSources = new ArrayList<>();
        for (Map.Entry<Long, List<SourceImage>> e : phaseBySlice.entrySet()) {
            String where = "slice at z=" + fmt(e.getKey() / 100.0) + " mm";
            List<SourceImage> ph = OffsetOrder.sorted(e.getValue(), where);
            List<SourceImage> mg = OffsetOrder.sorted(magBySlice.getOrDefault(e.getKey(), List.of()), where);
            if (mg.size() != 1 && mg.size() != offsets) {
                throw ExamException.unusable(where + " has " + mg.size() + " magnitude images for " + offsets
                        + " phase offsets; expected 1 or " + offsets + " (magnitude series "
                        + (magnitude.isEmpty() ? "none" : magnitude.get(0).seriesLabel()) + ")");
            }
            float[][] p = new float[offsets][];
            for (int o = 0; o < offsets; o++) {
                p[o] = Pixels.phaseRadians(ph.get(o), rows, cols, rules.radiansRescaleTypes());
            }
            float[][] m = new float[mg.size()][];
            for (int o = 0; o < mg.size(); o++) {
                m[o] = Pixels.rescaled(mg.get(o), rows, cols);
            }
            double thickness = ph.get(0).data().getDouble(Tag.SliceThickness, 0);
            if (thickness == 0) {
                warnings.add(where + ": no SliceThickness; recorded as 0");
            }
            slices.add(new MreSlice(slices.size(), e.getKey() / 100.0 / 1000, thickness / 1000, m, p));
            sliceSources.add(mg.isEmpty() ? ph.get(0).file() : mg.get(0).file());
        }
        double[] spacing = first.pixelSpacingMm();
        Frequency.Found f = Frequency.find(rules, phase.get(0), magnitude.isEmpty() ? null : magnitude.get(0), warnings);
        Set<String> rulesUsed = phase.stream().map(s -> Pixels.phaseRule(s.data(), rules.radiansRescaleTypes()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> usedSeries = used.stream().map(SourceImage::seriesUid).collect(Collectors.toSet());
        try {
            MreExam exam = new MreExam(rows, cols, spacing[0] / 1000, spacing[1] / 1000, f.hz(),
                    PhaseScaling.radians(), slices);
            return new Result(exam, usedSeries, f.source(), String.join("; ", rulesUsed), study, sliceSources,
                    used.stream().map(SourceImage::file).sorted().toList(), first);
        } catch (IllegalArgumentException e) {
            throw ExamException.unusable("the images do not form a valid MRE exam: " + e.getMessage());
        }
    }

    /** Images of one role grouped by series, in file order; restricted to one study when given. */
    static Map<String, List<SourceImage>> bySeries(List<SourceImage> images, ImageRole role, String study) {
        Map<String, List<SourceImage>> out = new LinkedHashMap<>();
        for (SourceImage s : images) {
            if (s.role() == role && (study == null || study.equals(s.data().getString(Tag.StudyInstanceUID, "")))) {
                out.computeIfAbsent(s.seriesUid(), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /** Images grouped by position along the normal (0.01 mm keys), descending. */
    static Map<Long, List<SourceImage>> bySlice(List<SourceImage> images) {
        Map<Long, List<SourceImage>> out = new TreeMap<>(Comparator.reverseOrder());
        for (SourceImage s : images) {
            out.computeIfAbsent(Math.round(s.locationMm() * 100), k -> new ArrayList<>()).add(s);
        }
        return out;
    }

    static Set<Long> locations(List<SourceImage> images) {
        return bySlice(images).keySet();
    }

    static String labels(Map<String, List<SourceImage>> series) {
        return series.values().stream().map(l -> l.get(0).seriesLabel()).collect(Collectors.joining(", "));
    }

    private static String seen(List<SourceImage> images) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (SourceImage s : images) {
            roles.computeIfAbsent(s.seriesLabel(), k -> new LinkedHashSet<>()).add(s.role().label());
        }
        return roles.entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** Fails naming the odd files when {@code key} differs between images. */
    private static void same(List<SourceImage> used, Function<SourceImage, String> key, String what, String unit)
            throws ExamException {
        Map<String, List<SourceImage>> groups = new LinkedHashMap<>();
        for (SourceImage s : used) {
            groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        }
        if (groups.size() == 1) {
            return;
        }
        List<Map.Entry<String, List<SourceImage>>> g = new ArrayList<>(groups.entrySet());
        g.sort(Comparator.comparingInt(e -> -e.getValue().size()));
        StringBuilder b = new StringBuilder("mixed " + what + ": " + g.get(0).getValue().size() + " images have "
                + g.get(0).getKey() + unit);
        for (Map.Entry<String, List<SourceImage>> e : g.subList(1, g.size())) {
            SourceImage s = e.getValue().get(0);
            b.append(", ").append(e.getValue().size()).append(" ").append(e.getKey()).append(unit).append(" (")
                    .append(s.name()).append(e.getValue().size() > 1 ? " and others" : "").append(" in series ")
                    .append(s.seriesLabel()).append(")");
        }
        throw ExamException.unusable(b + "; all magnitude and phase images of an exam must share one grid");
    }

    static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return s.equals("-0") ? "0" : s;
    }
}
