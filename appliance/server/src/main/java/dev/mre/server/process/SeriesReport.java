// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import java.util.Map;

/**
 * What the adapter made of one series of the input folder: how many files of each role, whether
 * it is inversion input, and why. Exists so the operator sees every decision (stderr and
 * summary.json), including series that were recognised but deliberately not used.
 *
 * @param series  "#number 'description'" (never patient data)
 * @param files   number of files
 * @param roles   files per role
 * @param used    whether its images are inversion input
 * @param reason  why it was or was not used
 */
public record SeriesReport(String series, int files, Map<ImageRole, Integer> roles, boolean used, String reason) {

    public SeriesReport {
        roles = Map.copyOf(roles);
    }
}
