// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

import dev.mre.science.confidence.ConfidenceEstimation;
import dev.mre.science.inversion.AlgebraicHelmholtzInversion;
import dev.mre.science.inversion.LocalSums;
import dev.mre.science.inversion.MdevInversion;
import dev.mre.science.wave.DirectionalFilter;
import dev.mre.science.wave.WaveFieldExtraction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The physics path in one screen: exam in, per-slice stiffness maps (every method) and confidence
 * map out. This is the public entry point of the module.
 *
 * <pre>
 * per slice:  stored phase --radians, Laplacian unwrap--> phase per offset
 *             --temporal bin 1, Butterworth band-pass--> WaveField (+ measured noise power)
 *             [--optional directional filters: D components of U--]
 *             --window sums of U and its 3-point Laplacian (summed over components)--> AHI map, MDEV map, ConfidenceMap
 *             [AHI with the optional adaptive window: sums for several radii, one chosen per pixel]
 * </pre>
 * Pure and synchronous; no I/O. Safe to call from several threads.
 */
public final class PhysicsPipeline {
    private PhysicsPipeline() {
    }

    /** Runs the whole chain over every slice of the exam. */
    public static List<SliceResult> run(MreExam exam, InversionConfig config) {
        List<SliceResult> out = new ArrayList<>(exam.slices().size());
        for (MreSlice slice : exam.slices()) {
            out.add(runSlice(exam, slice, config));
        }
        return out;
    }

    /** Runs the chain on one slice of the exam. */
    public static SliceResult runSlice(MreExam exam, MreSlice slice, InversionConfig config) {
        WaveField wave = WaveFieldExtraction.extract(exam, slice, config);
        return invert(slice.index(), wave, config);
    }

    /** Inversions and confidence on a wave field already extracted (e.g. an analytic one). */
    public static SliceResult invert(int sliceIndex, WaveField wave, InversionConfig config) {
        List<WaveField> components = config.directionalFilters() > 0
                ? DirectionalFilter.split(wave, config.directionalFilters()) : List.of(wave);
        Map<InversionMethod, StiffnessMap> maps = new EnumMap<>(InversionMethod.class);
        LocalSums sums;
        if (config.adaptiveWindow()) {
            // the radii share the field and its Laplacian; MDEV and the confidence use the first (windowRadius)
            int[] radii = AlgebraicHelmholtzInversion.adaptiveRadii(config);
            List<LocalSums> all = LocalSums.of(components, radii);
            sums = all.get(0);
            maps.put(InversionMethod.AHI, AlgebraicHelmholtzInversion.invertAdaptive(wave, all, radii, config));
        } else {
            sums = LocalSums.of(components, config.windowRadius());
            maps.put(InversionMethod.AHI, AlgebraicHelmholtzInversion.invert(wave, sums, config));
        }
        maps.put(InversionMethod.MDEV, MdevInversion.invert(wave, sums, config));
        // a one-pixel window always fits perfectly: confidence needs at least 3x3
        LocalSums confidenceSums = config.windowRadius() >= 1 ? sums : LocalSums.of(components, 1);
        ConfidenceMap confidence = ConfidenceEstimation.estimate(wave, confidenceSums, config);
        return new SliceResult(sliceIndex, wave, maps, confidence);
    }
}
