// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A fibrosis staging table: ordered stiffness cut-offs (kPa) between ordered stages.
 *
 * <p>Exists because cut-offs are site policy, not constants in code: tables are loaded from text
 * ({@link #parse(String)}), carry a name and version, and say on which side of a cut-off a value
 * equal to it falls. With cut-offs c_1 &lt; ... &lt; c_m, stage 0 lies below c_1, stage i between
 * c_i and c_{i+1}, stage m above c_m. Text form (docs/measurement.md):
 * <pre>
 * # comment
 * name: mayo
 * version: 1
 * description: free text (optional)
 * at-cutoff: upper            (or lower)
 * stage: normal  Normal
 * cutoff: 2.5
 * stage: F1-F2  Stage 1-2 fibrosis
 * </pre>
 * Stage and cut-off lines alternate, starting and ending with a stage; a stage line is a code
 * without whitespace, then the label.
 *
 * @param name        table name, e.g. {@code mayo}
 * @param version     table version, e.g. {@code 1}
 * @param description free text (source, quantity, frequency); may be empty
 * @param atCutoff    which stage a value equal to a cut-off belongs to
 * @param cutoffsKPa  strictly increasing, finite, &gt; 0
 * @param stages      one more than the cut-offs, codes unique
 */
public record StagingTable(String name, String version, String description, AtCutoff atCutoff, List<Double> cutoffsKPa,
                           List<Stage> stages) {

    public StagingTable {
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("a staging table needs a name and a version");
        }
        description = description == null ? "" : description;
        if (atCutoff == null) {
            throw new IllegalArgumentException("staging table " + name + ": at-cutoff (upper or lower) is required");
        }
        cutoffsKPa = List.copyOf(cutoffsKPa);
        stages = List.copyOf(stages);
        if (stages.size() != cutoffsKPa.size() + 1) {
            throw new IllegalArgumentException("staging table " + name + ": " + cutoffsKPa.size() + " cut-offs need "
                    + (cutoffsKPa.size() + 1) + " stages, got " + stages.size());
        }
        double previous = 0;
        for (double c : cutoffsKPa) {
            if (!Double.isFinite(c) || c <= previous) {
                throw new IllegalArgumentException("staging table " + name + ": cut-offs must be finite, > 0 and strictly increasing, got "
                        + cutoffsKPa);
            }
            previous = c;
        }
        var codes = new HashSet<String>();
        for (Stage s : stages) {
            if (!codes.add(s.code())) {
                throw new IllegalArgumentException("staging table " + name + ": stage code " + s.code() + " appears twice");
            }
        }
    }

    /**
     * The stage of {@code stiffnessKPa}.
     *
     * @throws IllegalArgumentException for NaN, infinite or negative values (no measurement is not
     *                                  a stage)
     */
    public StagingResult stage(double stiffnessKPa) {
        if (!Double.isFinite(stiffnessKPa) || stiffnessKPa < 0) {
            throw new IllegalArgumentException("cannot stage stiffness " + stiffnessKPa + " kPa with table " + name + " v" + version);
        }
        int i = 0;
        while (i < cutoffsKPa.size() && above(stiffnessKPa, cutoffsKPa.get(i))) {
            i++;
        }
        double lower = i == 0 ? Double.NEGATIVE_INFINITY : cutoffsKPa.get(i - 1);
        double upper = i == cutoffsKPa.size() ? Double.POSITIVE_INFINITY : cutoffsKPa.get(i);
        return new StagingResult(name, version, stiffnessKPa, stages.get(i), i, lower, upper, atCutoff);
    }

    private boolean above(double value, double cutoff) {
        return atCutoff == AtCutoff.UPPER ? value >= cutoff : value > cutoff;
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the line, for unknown keys, missing or repeated
     *                                  keys, bad numbers and a stage/cut-off order that does not
     *                                  alternate
     */
    public static StagingTable parse(String text) {
        String name = null;
        String version = null;
        String description = null;
        AtCutoff atCutoff = null;
        List<Double> cutoffs = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        boolean expectStage = true;
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "staging table line " + (n + 1) + " ('" + line + "')";
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": expected 'key: value'");
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + key + " has no value");
            }
            switch (key) {
                case "name" -> name = once(name, value, where);
                case "version" -> version = once(version, value, where);
                case "description" -> description = once(description, value, where);
                case "at-cutoff" -> {
                    if (atCutoff != null) {
                        throw new IllegalArgumentException(where + ": at-cutoff given twice");
                    }
                    atCutoff = switch (value.toLowerCase(Locale.ROOT)) {
                        case "upper" -> AtCutoff.UPPER;
                        case "lower" -> AtCutoff.LOWER;
                        default -> throw new IllegalArgumentException(where + ": at-cutoff must be 'upper' or 'lower'");
                    };
                }
                case "stage" -> {
                    if (!expectStage) {
                        throw new IllegalArgumentException(where + ": two stages without a cut-off between them");
                    }
                    String[] codeAndLabel = value.split("\\s+", 2);
                    if (codeAndLabel.length < 2) {
                        throw new IllegalArgumentException(where + ": a stage needs a code and a label");
                    }
                    stages.add(new Stage(codeAndLabel[0], codeAndLabel[1].strip()));
                    expectStage = false;
                }
                case "cutoff" -> {
                    if (expectStage) {
                        throw new IllegalArgumentException(where + ": a cut-off must follow a stage");
                    }
                    try {
                        cutoffs.add(Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(where + ": cut-off is not a number", e);
                    }
                    expectStage = true;
                }
                default -> throw new IllegalArgumentException(where + ": unknown key '" + key
                        + "' (name, version, description, at-cutoff, stage, cutoff)");
            }
        }
        if (stages.isEmpty() || expectStage) {
            throw new IllegalArgumentException("staging table must start and end with a stage line");
        }
        return new StagingTable(name, version, description, atCutoff, cutoffs, stages);
    }

    private static String once(String current, String value, String where) {
        if (current != null) {
            throw new IllegalArgumentException(where + ": key given twice");
        }
        return value;
    }
}
