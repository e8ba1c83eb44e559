// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * An intraclass correlation with its confidence interval and the two-way ANOVA it came from.
 *
 * <p>Exists so a report can state the ICC together with everything needed to check it: the
 * design (n subjects x k raters), the mean squares and the interval's level.
 *
 * @param icc             the ICC(A,1) point estimate
 * @param lower           lower bound of the confidence interval
 * @param upper           upper bound of the confidence interval
 * @param confidenceLevel the interval's level, e.g. 0.95
 * @param subjects        n, the number of rated subjects (rows)
 * @param raters          k, the number of raters or methods (columns)
 * @param msRows          between-subjects mean square (MSR, df n-1)
 * @param msColumns       between-raters mean square (MSC, df k-1)
 * @param msError         residual mean square (MSE, df (n-1)(k-1))
 */
public record IccResult(double icc, double lower, double upper, double confidenceLevel, int subjects,
                        int raters, double msRows, double msColumns, double msError) {
}
