// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the images of one slice by phase offset and checks that every slice has as many.
 * TriggerTime orders them when every image of the slice has a distinct one (the standard place
 * for a time within the cardiac or driver cycle); otherwise InstanceNumber, which vendors number
 * in acquisition order (no public document says more, MRE_PRIMER.md).
 */
final class OffsetOrder {
    private OffsetOrder() {
    }

    static List<SourceImage> sorted(List<SourceImage> slice, String where) throws ExamException {
        List<SourceImage> out = new ArrayList<>(slice);
        Set<Double> times = new HashSet<>();
        for (SourceImage s : slice) {
            times.add(s.triggerMs());
        }
        boolean byTrigger = times.size() == slice.size() && slice.stream().noneMatch(s -> Double.isNaN(s.triggerMs()));
        if (byTrigger) {
            out.sort(Comparator.comparingDouble(SourceImage::triggerMs));
            return out;
        }
        out.sort(Comparator.comparingInt(SourceImage::instance));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).instance() == out.get(i - 1).instance()) {
                throw ExamException.unusable(where + ": " + out.get(i - 1).name() + " and " + out.get(i).name()
                        + " (series " + out.get(i).seriesLabel() + ") have the same InstanceNumber "
                        + (out.get(i).instance() == Integer.MAX_VALUE ? "(none)" : out.get(i).instance())
                        + " and no distinct TriggerTime: cannot order the phase offsets");
            }
        }
        return out;
    }

    /** The number of phase offsets every slice has; fails naming the slice that differs. */
    static int commonCount(Map<Long, List<SourceImage>> bySlice, String series) throws ExamException {
        Map<Integer, Integer> votes = new HashMap<>();
        for (List<SourceImage> l : bySlice.values()) {
            votes.merge(l.size(), 1, Integer::sum);
        }
        int common = votes.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        for (Map.Entry<Long, List<SourceImage>> e : bySlice.entrySet()) {
            if (e.getValue().size() != common) {
                throw ExamException.unusable("slice at z=" + ExamAssembler.fmt(e.getKey() / 100.0) + " mm has "
                        + e.getValue().size() + " phase offsets, the others have " + common + " (series " + series
                        + "); an image is missing or belongs to another acquisition");
            }
        }
        if (common < 3) {
            throw ExamException.unusable("every slice has " + common + " phase offsets (series " + series
                    + "); the first harmonic needs at least 3");
        }
        return common;
    }
}
