// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

import java.util.Map;

/**
 * Everything the physics path produces for one slice.
 *
 * <p>Exists so callers (the {@code process} command, result writers) get the wave, each method's
 * map and the shared confidence map together, keyed by method.
 *
 * @param sliceIndex the slice's index in the exam
 * @param wave       the filtered first-harmonic wave field
 * @param maps       one stiffness map per inversion method
 * @param confidence the confidence map and 95% mask
 */
public record SliceResult(int sliceIndex, WaveField wave, Map<InversionMethod, StiffnessMap> maps,
                          ConfidenceMap confidence) {

    public SliceResult {
        maps = Map.copyOf(maps);
    }

    /** Median of the method's map values inside the confidence mask (NaN if the mask is empty). */
    public double medianInMask(InversionMethod method) {
        return MapStatistics.medianInMask(maps.get(method).values(), confidence.mask());
    }
}
