// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * One reason to review an exam result.
 *
 * @param code   machine-readable code
 * @param reason one sentence for the radiologist, with the measured value and the threshold
 */
public record ReviewFlag(ReviewCode code, String reason) {
}
