// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.stats;

/**
 * Pearson's correlation coefficient with its Fisher-z confidence interval and two-sided p-value.
 *
 * @param r               the sample correlation coefficient
 * @param lower           lower bound of the confidence interval, tanh(atanh r - z / sqrt(n - 3))
 * @param upper           upper bound of the confidence interval, tanh(atanh r + z / sqrt(n - 3))
 * @param pValue          two-sided p-value of H0: rho = 0 (t test with n - 2 df)
 * @param n               number of pairs
 * @param confidenceLevel the interval's level, e.g. 0.95
 */
public record PearsonResult(double r, double lower, double upper, double pValue, int n, double confidenceLevel) {
}
