// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.eval;

import dev.mre.science.stats.Agreement;
import dev.mre.science.stats.BlandAltmanResult;
import dev.mre.science.stats.Correlation;
import dev.mre.science.stats.Icc;
import dev.mre.science.stats.IccResult;
import dev.mre.science.stats.PearsonResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement of one way of measuring liver stiffness with the ground truth over the test exams, in
 * the NMR Biomed 2026 and JMIR 2025 terms: mean absolute percent deviation (overall and per stage),
 * ICC(A,1) with its 95% interval, Pearson r with its 95% interval, and Bland-Altman bias and 95%
 * limits (method minus truth, kPa). All statistics are dev.mre.science.stats'. An exam whose value
 * is not finite (an empty ROI) is left out and counted; a statistic the remaining exams cannot
 * support (Pearson needs 4, ICC and Bland-Altman 2) is null, with the reason in {@code notes}.
 *
 * @param method      the measurement, e.g. "stiffness-unet"
 * @param exams       exams with a finite value (the n of every statistic)
 * @param excluded    exams left out because the value was not finite
 * @param mapdPercent mean over exams of 100 |value - truth| / truth
 * @param icc         ICC(A,1) of (value, truth), or null
 * @param pearson     Pearson r of value against truth, or null
 * @param blandAltman value - truth in kPa, or null
 * @param mapdByStage MAPD of the exams of each stage, by stage label in order
 * @param notes       why a statistic is missing; empty when none is
 */
public record StiffnessAgreement(String method, int exams, int excluded, double mapdPercent, IccResult icc,
                                 PearsonResult pearson, BlandAltmanResult blandAltman, Map<String, Double> mapdByStage,
                                 List<String> notes) {

    public StiffnessAgreement {
        mapdByStage = Collections.unmodifiableMap(new TreeMap<>(mapdByStage));
        notes = List.copyOf(notes);
    }

    /** One exam's value by this method and the truth in the same ROI, kPa. */
    public record ExamValue(long seed, String stage, double value, double truth) {
    }

    /** The agreement of {@code method} over the given exams. */
    public static StiffnessAgreement of(String method, List<ExamValue> all) {
        List<ExamValue> values = all.stream()
                .filter(v -> Double.isFinite(v.value()) && Double.isFinite(v.truth()) && v.truth() != 0).toList();
        int n = values.size();
        double[] a = values.stream().mapToDouble(ExamValue::value).toArray();
        double[] b = values.stream().mapToDouble(ExamValue::truth).toArray();
        List<String> notes = new ArrayList<>();
        double mapd = n == 0 ? Double.NaN : Agreement.meanAbsolutePercentDeviation(a, b);
        IccResult icc = null;
        BlandAltmanResult ba = null;
        if (n >= 2) {
            double[][] table = new double[n][];
            for (int i = 0; i < n; i++) {
                table[i] = new double[] {a[i], b[i]};
            }
            try {
                icc = Icc.agreementSingle(table);
            } catch (IllegalArgumentException e) {
                notes.add("ICC(A,1) undefined: " + e.getMessage());
            }
            ba = Agreement.blandAltman(a, b);
        } else {
            notes.add("ICC(A,1) and Bland-Altman need at least 2 exams, have " + n);
        }
        PearsonResult r = null;
        if (n >= 4) {
            try {
                r = Correlation.pearson(a, b);
            } catch (IllegalArgumentException e) {
                notes.add("Pearson r undefined: " + e.getMessage());
            }
        } else {
            notes.add("Pearson r needs at least 4 exams, have " + n);
        }
        Map<String, List<ExamValue>> byStage = new TreeMap<>();
        values.forEach(v -> byStage.computeIfAbsent(v.stage(), k -> new ArrayList<>()).add(v));
        Map<String, Double> perStage = new TreeMap<>();
        byStage.forEach((stage, list) -> perStage.put(stage, Agreement.meanAbsolutePercentDeviation(
                list.stream().mapToDouble(ExamValue::value).toArray(),
                list.stream().mapToDouble(ExamValue::truth).toArray())));
        return new StiffnessAgreement(method, n, all.size() - n, mapd, icc, r, ba, perStage, notes);
    }
}
