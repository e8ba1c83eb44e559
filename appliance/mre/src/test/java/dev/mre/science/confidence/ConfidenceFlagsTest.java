// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.science.ConfidenceMap;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.sim.SimulatedAcquisition;
import dev.mre.science.sim.Waves;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 3 kPa wave (2 rad, noise 0.05 rad) over four vertical bands: normal; wave amplitude 0.01 rad
 * (low amplitude); magnitude 0.05 so phase noise ~1 rad (noisy); magnitude 0 (pure noise, random
 * phase). The mask must keep most of the normal band and almost nothing of the others. Bands are
 * scored 12 pixels away from their edges, where the band-pass filter mixes neighbours.
 */
class ConfidenceFlagsTest {
    static final int N = 256;
    static final int BAND = N / 4;
    static final int MARGIN = 12;

    @ParameterizedTest(name = "{0} offsets")
    @ValueSource(ints = {3, 4, 8})
    void lowAmplitudeNoisyAndEmptyRegionsAreFlaggedAndTheGoodRegionIsKept(int offsets) {
        double h = 1.5625e-3;
        double[][] u = Waves.planeWaves(N, N, h, 60, 3000, 0, 2.0, new double[] {1.2}, new double[] {0});
        double[] mag = new double[N * N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                int i = y * N + x;
                int band = x / BAND;
                mag[i] = band == 2 ? 0.05 : band == 3 ? 0 : 1;
                if (band == 1) {
                    u[0][i] *= 0.005;
                    u[1][i] *= 0.005;
                }
            }
        }
        var exam = new SimulatedAcquisition(offsets, mag, 0.05, SimulatedAcquisition.ramp(N, N, 4), true, 9)
                .exam(N, N, h, 60, u, 1);
        SliceResult r = PhysicsPipeline.run(exam, InversionConfig.defaults()).get(0);
        ConfidenceMap c = r.confidence();
        double[] kept = new double[4];
        for (int band = 0; band < 4; band++) {
            int in = 0;
            int all = 0;
            for (int y = MARGIN; y < N - MARGIN; y++) {
                for (int x = band * BAND + MARGIN; x < (band + 1) * BAND - MARGIN; x++) {
                    all++;
                    if (c.mask()[y * N + x]) {
                        in++;
                    }
                }
            }
            kept[band] = in / (double) all;
        }
        System.out.printf("N=%d mask fraction: good %.3f, low amplitude %.3f, noisy %.3f, empty %.3f%n",
                offsets, kept[0], kept[1], kept[2], kept[3]);
        assertTrue(kept[0] > 0.8, "good band kept: " + kept[0]);
        assertTrue(kept[1] < 0.05, "low-amplitude band flagged: " + kept[1]);
        assertTrue(kept[2] < 0.05, "noisy band flagged: " + kept[2]);
        assertTrue(kept[3] < 0.05, "empty band flagged: " + kept[3]);
        for (InversionMethod m : InversionMethod.values()) {
            double g = r.medianInMask(m);
            System.out.printf("N=%d %s median in mask %.4f kPa (truth 3)%n", offsets, m, g);
            assertEquals(3.0, g, 0.15, "random phase next door does not bias the kept region beyond 5%");
        }
    }
}
