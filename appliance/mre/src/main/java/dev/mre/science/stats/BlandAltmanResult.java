// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * Bland-Altman agreement between two methods.
 *
 * @param n       number of pairs
 * @param bias    mean difference (a - b), in kPa or, when {@code percent}, in percent of the pair mean
 * @param sd      sample standard deviation of the differences (n - 1 denominator)
 * @param lower   lower 95% limit of agreement, bias - 1.96 sd
 * @param upper   upper 95% limit of agreement, bias + 1.96 sd
 * @param percent true when each difference was expressed as 100 (a - b) / ((a + b) / 2)
 */
public record BlandAltmanResult(int n, double bias, double sd, double lower, double upper, boolean percent) {
}
