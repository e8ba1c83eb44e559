// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.StiffnessMap;
import dev.mre.science.WaveField;
import dev.mre.science.fft.Dct;
import dev.mre.science.wave.Butterworth;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The adaptive AHI window ({@link InversionConfig#adaptiveMaxRadius()},
 * {@link AlgebraicHelmholtzInversion#invertAdaptive}): a 5 kPa plane wave on 128x128 pixels of
 * 1.5625 mm, with filtered complex noise of a chosen power P (as in {@link LaplacianNoiseTest}).
 * For a plane wave the predicted relative variance of |G*| over a (2r+1)^2 window is
 * x_r = (V/2) / |D0|^2 = P lw_r / (2 count_r^2 a^2 lambda^2) (a the amplitude, lambda the stencil's
 * eigenvalue), so the radius the rule should pick is known in advance; the tests check that it
 * picks it and that the rule's premise holds: the fixed-window AHI at the picked radius scatters by
 * at most about the tolerance (10%), the one below it by more.
 */
class AdaptiveWindowTest {
    static final int N = 128;
    static final double H = 1.5625e-3;
    static final double KPA = 5;
    static final double AMP = 0.3;
    static final int EDGE = 12;
    static final InversionConfig HR = InversionConfig.highResolution();
    static final InversionConfig ADAPTIVE = HR.withAdaptiveMaxRadius(3);

    static double k() {
        return 2 * Math.PI * 60 / Math.sqrt(KPA * 1000 / 1000.0);
    }

    /** Predicted relative variance of |G*| over radius r at noise power p (plane wave). */
    static double predicted(double p, int r) {
        double lam = (2 - 2 * Math.cos(k() * H)) / (H * H);
        double count = (2 * r + 1) * (2 * r + 1);
        double lw = LaplacianNoise.windowSumVariance(N, N, H, H, HR, r);
        return p * lw / (2 * count * count * AMP * AMP * lam * lam);
    }

    /** The noise power at which the 3x3 window's predicted relative variance is x1. */
    static double powerFor(double x1) {
        return x1 / predicted(1, 1);
    }

    /** The plane wave plus band-passed complex noise of power p per pixel (p = 0: none, and no noise map). */
    static WaveField wave(double p, long seed) {
        double[] re = new double[N * N];
        double[] im = new double[N * N];
        if (p > 0) {
            double[] gains = Butterworth.dctGains(N, N, H, H, HR);
            double g2 = 0;
            for (double g : gains) {
                g2 += g * g;
            }
            g2 /= gains.length;
            double sigma = Math.sqrt(p / g2 / 2);
            Random rnd = new Random(seed);
            for (int i = 0; i < re.length; i++) {
                re[i] = sigma * rnd.nextGaussian();
                im[i] = sigma * rnd.nextGaussian();
            }
            Dct.filter2d(re, N, N, gains);
            Dct.filter2d(im, N, N, gains);
        }
        double k = k();
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                re[y * N + x] += AMP * Math.cos(k * x * H);
                im[y * N + x] -= AMP * Math.sin(k * x * H);
            }
        }
        double[] noise = null;
        if (p > 0) {
            noise = new double[N * N];
            Arrays.fill(noise, p);
        }
        return new WaveField(N, N, H, H, 60, re, im, noise);
    }

    static int[] chosen(WaveField w, InversionConfig c) {
        int[] radii = AlgebraicHelmholtzInversion.adaptiveRadii(c);
        return AlgebraicHelmholtzInversion.adaptiveRadius(w, LocalSums.of(List.of(w), radii), radii, c);
    }

    /** Fraction of interior pixels at each radius 0..3. */
    static double[] shares(int[] chosen) {
        double[] s = new double[4];
        int n = 0;
        for (int y = EDGE; y < N - EDGE; y++) {
            for (int x = EDGE; x < N - EDGE; x++) {
                s[chosen[y * N + x]]++;
                n++;
            }
        }
        for (int r = 0; r < 4; r++) {
            s[r] /= n;
        }
        return s;
    }

    /** Robust relative spread of the interior: (p84 - p16) / 2 / median. */
    static double spread(StiffnessMap m) {
        double[] v = interior(m);
        return (v[(int) (0.84 * v.length)] - v[(int) (0.16 * v.length)]) / 2 / v[v.length / 2];
    }

    static double median(StiffnessMap m) {
        double[] v = interior(m);
        return v[v.length / 2];
    }

    static double[] interior(StiffnessMap m) {
        double[] v = new double[(N - 2 * EDGE) * (N - 2 * EDGE)];
        int n = 0;
        for (int y = EDGE; y < N - EDGE; y++) {
            for (int x = EDGE; x < N - EDGE; x++) {
                v[n++] = m.values()[y * N + x];
            }
        }
        Arrays.sort(v);
        return v;
    }

    @Test
    void onANoiseFreeWaveEveryPixelTakesTheSmallestWindowAndMatchesIt() {
        WaveField w = wave(0, 0);
        assertEquals(1.0, shares(chosen(w, ADAPTIVE))[1], 0.0, "noise-free: radius 1 everywhere");
        float[] adaptive = PhysicsPipeline.invert(0, w, ADAPTIVE).maps().get(InversionMethod.AHI).values();
        float[] fixed = PhysicsPipeline.invert(0, w, HR).maps().get(InversionMethod.AHI).values();
        assertArrayEquals(fixed, adaptive, "the adaptive map is the 3x3 map where the 3x3 window is chosen");
    }

    @Test
    void whereTheNoiseDominatesTheSmallWindowItTakesTheRadiusThePredictionNames() {
        // 3x3: predicted relative standard deviation 0.35 (x1 = 0.125), far above the 10% tolerance
        double p = powerFor(0.125);
        double tol2 = ADAPTIVE.confidenceTolerance() * ADAPTIVE.confidenceTolerance();
        int expected = 3;
        for (int r = 1; r <= 3; r++) {
            if (predicted(p, r) <= tol2) {
                expected = r;
                break;
            }
        }
        System.out.printf("noise power %.3g: predicted relative sd r1 %.3f r2 %.3f r3 %.3f -> radius %d%n", p,
                Math.sqrt(predicted(p, 1)), Math.sqrt(predicted(p, 2)), Math.sqrt(predicted(p, 3)), expected);
        assertTrue(expected > 1, "the test's noise must exceed what the 3x3 window tolerates");
        WaveField w = wave(p, 5);
        double[] s = shares(chosen(w, ADAPTIVE));
        System.out.printf("chosen radius shares: r1 %.3f r2 %.3f r3 %.3f%n", s[1], s[2], s[3]);
        assertTrue(s[1] < 0.05, "the 3x3 window is rejected almost everywhere: " + s[1]);
        assertTrue(s[expected] > 0.6, "most pixels take the predicted radius " + expected + ": " + Arrays.toString(s));
        // the premise: the fixed window the rule picks scatters by about the tolerance, the one below it by more
        double at = spread(PhysicsPipeline.invert(0, w, HR.withWindowRadius(expected)).maps().get(InversionMethod.AHI));
        double below = spread(PhysicsPipeline.invert(0, w, HR.withWindowRadius(expected - 1))
                .maps().get(InversionMethod.AHI));
        System.out.printf("fixed-window AHI spread: r%d %.3f, r%d %.3f%n", expected, at, expected - 1, below);
        assertTrue(at < 0.13, "picked radius scatters by about the tolerance or less: " + at);
        assertEquals(Math.sqrt(predicted(p, expected)), at, 0.2 * Math.sqrt(predicted(p, expected)),
                "the predicted relative standard deviation is the measured one");
        assertEquals(Math.sqrt(predicted(p, expected - 1)), below, 0.2 * Math.sqrt(predicted(p, expected - 1)),
                "the predicted relative standard deviation is the measured one, radius below");
        assertTrue(below > 0.10, "the radius below scatters by more than the tolerance: " + below);
        // and the adaptive map reads the wave as well as that fixed window
        double truth = KPA * (k() * H) * (k() * H) / (2 - 2 * Math.cos(k() * H));
        double med = median(PhysicsPipeline.invert(0, w, ADAPTIVE).maps().get(InversionMethod.AHI));
        assertEquals(truth, med, 0.04 * truth, "adaptive AHI median");
    }

    @Test
    void withWeakNoiseTheSmallWindowIsKept() {
        // 3x3 predicted relative sd 0.05: below the tolerance, the 3x3 window is kept nearly everywhere
        WaveField w = wave(powerFor(0.0025), 7);
        double[] s = shares(chosen(w, ADAPTIVE));
        assertTrue(s[1] > 0.9, "3x3 kept: " + Arrays.toString(s));
    }

    @Test
    void noiseAloneTakesTheLargestWindow() {
        double p = powerFor(0.125);
        WaveField signal = wave(p, 9);
        double[] re = signal.re().clone();
        double[] im = signal.im().clone();
        double k = k();
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                re[y * N + x] -= AMP * Math.cos(k * x * H);
                im[y * N + x] += AMP * Math.sin(k * x * H);
            }
        }
        WaveField noise = new WaveField(N, N, H, H, 60, re, im, signal.noisePower());
        double[] s = shares(chosen(noise, ADAPTIVE));
        assertTrue(s[3] > 0.9, "noise only: the largest window: " + Arrays.toString(s));
    }

    @Test
    void sumsForSeveralRadiiEqualTheSumsForEach() {
        WaveField w = wave(powerFor(0.05), 3);
        List<LocalSums> all = LocalSums.of(List.of(w), new int[] {1, 2, 3});
        for (int r = 1; r <= 3; r++) {
            LocalSums one = LocalSums.of(w, r);
            LocalSums multi = all.get(r - 1);
            assertArrayEquals(one.uu(), multi.uu());
            assertArrayEquals(one.ulRe(), multi.ulRe());
            assertArrayEquals(one.ulIm(), multi.ulIm());
            assertArrayEquals(one.absL(), multi.absL());
            assertArrayEquals(one.count(), multi.count());
        }
    }

    @Test
    void offByDefaultAndOnlyAhiChanges() {
        assertEquals(0, InversionConfig.defaults().adaptiveMaxRadius());
        assertFalse(InversionConfig.defaults().adaptiveWindow());
        assertThrows(IllegalArgumentException.class, () -> HR.withWindowRadius(2).withAdaptiveMaxRadius(1));
        WaveField w = wave(powerFor(0.125), 5);
        SliceResult fixed = PhysicsPipeline.invert(0, w, HR);
        SliceResult adaptive = PhysicsPipeline.invert(0, w, ADAPTIVE);
        assertArrayEquals(fixed.maps().get(InversionMethod.MDEV).values(), adaptive.maps().get(InversionMethod.MDEV).values());
        assertArrayEquals(fixed.confidence().confidence(), adaptive.confidence().confidence());
        assertFalse(Arrays.equals(fixed.maps().get(InversionMethod.AHI).values(),
                adaptive.maps().get(InversionMethod.AHI).values()));
    }
}
