// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import java.util.Locale;

/**
 * A stiffness value staged by a named, versioned table.
 *
 * <p>Every result carries the table's name and version so a report can say which site policy
 * produced it.
 *
 * @param tableName    the table's name
 * @param tableVersion the table's version
 * @param stiffnessKPa the staged value, kPa
 * @param stage        the stage the value falls in
 * @param index        the stage's position in the table, 0 = lowest
 * @param lowerKPa     the stage's lower cut-off, or negative infinity for the lowest stage
 * @param upperKPa     the stage's upper cut-off, or positive infinity for the highest stage
 * @param atCutoff     which side of a cut-off a value equal to it is on
 */
public record StagingResult(String tableName, String tableVersion, double stiffnessKPa, Stage stage, int index,
                            double lowerKPa, double upperKPa, AtCutoff atCutoff) {

    /** One line for a report, e.g. {@code 3.10 kPa: F1-F2 (Stage 1-2 fibrosis, 2.9 <= x < 3.5 kPa; table mayo v1)}. */
    public String describe() {
        String lowerSign = atCutoff == AtCutoff.UPPER ? "<=" : "<";
        String upperSign = atCutoff == AtCutoff.UPPER ? "<" : "<=";
        String range;
        if (Double.isInfinite(lowerKPa) && Double.isInfinite(upperKPa)) {
            range = "any value";
        } else if (Double.isInfinite(lowerKPa)) {
            range = "x " + upperSign + " " + upperKPa + " kPa";
        } else if (Double.isInfinite(upperKPa)) {
            range = lowerKPa + " " + lowerSign + " x kPa";
        } else {
            range = lowerKPa + " " + lowerSign + " x " + upperSign + " " + upperKPa + " kPa";
        }
        return String.format(Locale.ROOT, "%.2f kPa: %s (%s, %s; table %s v%s)", stiffnessKPa, stage.code(),
                stage.label(), range, tableName, tableVersion);
    }
}
