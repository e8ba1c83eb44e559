// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.WaveField;
import dev.mre.science.fft.Dct;
import dev.mre.science.grid.BoxFilter;
import dev.mre.science.grid.Laplacian;
import dev.mre.science.wave.Butterworth;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The noise constants of the correction ({@link LaplacianNoise}) against pure noise pushed through
 * the real chain: white complex Gaussian noise of known variance, the DCT band-pass, the 3-point
 * Laplacian, the window sums. Means over the interior (16 px from the edges, beyond the filter's
 * mirror images) of 4 images of 256x256: about 4 x 50000 / 3 effectively independent samples
 * (filtered noise is correlated over about 3 px^2), so the sample means of these squares have a
 * relative standard error of about 1%; the tolerance is 4%. A wrong constant (a factor, a
 * missing 1/h^2, the DCT eigenvalue of another stencil) is off by far more.
 */
class LaplacianNoiseTest {
    static final int N = 256;
    static final double H = 1.5625e-3;
    static final int EDGE = 16;
    static final double TOL = 0.04;

    @ParameterizedTest(name = "low-pass {0} 1/m")
    @ValueSource(doubles = {100, 200, 300})
    void constantsMatchFilteredWhiteNoise(double lowPass) {
        InversionConfig c = InversionConfig.defaults().withBandPass(0, lowPass).withWindowRadius(1);
        double[] gains = Butterworth.dctGains(N, N, H, H, c);
        double g2 = 0;
        for (double g : gains) {
            g2 += g * g;
        }
        g2 /= gains.length;
        double sigma2 = 0.7; // E|n|^2 of the complex noise before filtering
        LaplacianNoise k = LaplacianNoise.of(N, N, H, H, c);
        double lw = LaplacianNoise.windowSumVariance(N, N, H, H, c, 1);
        Random rnd = new Random(11);
        double nn = 0;
        double nl = 0;
        double nlIm = 0;
        double ll = 0;
        double ww = 0;
        long count = 0;
        for (int rep = 0; rep < 4; rep++) {
            double[] re = new double[N * N];
            double[] im = new double[N * N];
            for (int i = 0; i < re.length; i++) {
                re[i] = Math.sqrt(sigma2 / 2) * rnd.nextGaussian();
                im[i] = Math.sqrt(sigma2 / 2) * rnd.nextGaussian();
            }
            Dct.filter2d(re, N, N, gains);
            Dct.filter2d(im, N, N, gains);
            double[] lr = Laplacian.threePoint(re, N, N, H, H);
            double[] li = Laplacian.threePoint(im, N, N, H, H);
            double[] sr = lr.clone();
            double[] si = li.clone();
            for (int i = 0; i < N * N; i++) {
                if (Double.isNaN(sr[i])) {
                    sr[i] = 0;
                    si[i] = 0;
                }
            }
            sr = BoxFilter.sum(sr, N, N, 1);
            si = BoxFilter.sum(si, N, N, 1);
            for (int y = EDGE; y < N - EDGE; y++) {
                for (int x = EDGE; x < N - EDGE; x++) {
                    int i = y * N + x;
                    nn += re[i] * re[i] + im[i] * im[i];
                    nl += re[i] * lr[i] + im[i] * li[i]; // Re conj(n) L n
                    nlIm += re[i] * li[i] - im[i] * lr[i];
                    ll += lr[i] * lr[i] + li[i] * li[i];
                    ww += sr[i] * sr[i] + si[i] * si[i];
                    count++;
                }
            }
        }
        double p = sigma2 * g2; // predicted E|n_f|^2
        System.out.printf("low-pass %.0f: E|n_f|^2 %.5g (pred %.5g), E conj(n) L n %.5g (pred %.5g), E|L n|^2 %.5g"
                + " (pred %.5g), Var(3x3 sum of L n) %.5g (pred %.5g), Im %.3g%n", lowPass, nn / count, p,
                nl / count, p * k.ul(), ll / count, p * k.ll(), ww / count, p * lw, nlIm / count);
        assertEquals(1, nn / count / p, TOL, "E|n_f|^2");
        assertEquals(1, nl / count / (p * k.ul()), TOL, "E conj(n_f) L n_f");
        assertEquals(1, ll / count / (p * k.ll()), TOL, "E|L n_f|^2");
        assertEquals(1, ww / count / (p * lw), TOL, "variance of the 3x3 window sum of L n_f");
        assertTrue(Math.abs(nlIm / count) < 0.02 * Math.abs(p * k.ul()), "E conj(n_f) L n_f is real");
        assertTrue(k.ul() < 0, "the Laplacian of noise is anti-correlated with it");
    }

    @Test
    void theCorrectionRemovesTheNoiseBiasOfAhiOnANoisyPlaneWave() {
        // a 5 kPa plane wave, 0.3 rad, under filtered complex noise of power P chosen from the
        // constants so that the noise variance of D is 25% of |D0|^2 (3x3 window, 200 1/m):
        // uncorrected |D| is inflated by about sqrt(1.25) (AHI about 10% low, plus the first-order
        // term, 1%); corrected, the expectations are subtracted. The median over the image of
        // the per-pixel estimate is then within a few percent: the median of a non-central
        // chi-square sits below its mean, which leaves AHI about 2% high at this noise (measured).
        int n = 128;
        double kPa = 5;
        double amp = 0.3;
        double k = 2 * Math.PI * 60 / Math.sqrt(kPa * 1000 / 1000.0);
        InversionConfig c = InversionConfig.defaults().withBandPass(0, 200).withWindowRadius(1);
        double[] gains = Butterworth.dctGains(n, n, H, H, c);
        double g2 = 0;
        for (double g : gains) {
            g2 += g * g;
        }
        g2 /= gains.length;
        double lw = LaplacianNoise.windowSumVariance(n, n, H, H, c, 1);
        double lam = (2 - 2 * Math.cos(k * H)) / (H * H);
        double p = 0.25 * 81 * amp * amp * lam * lam / lw;
        double sigma = Math.sqrt(p / g2 / 2);
        Random rnd = new Random(3);
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < re.length; i++) {
            re[i] = sigma * rnd.nextGaussian();
            im[i] = sigma * rnd.nextGaussian();
        }
        Dct.filter2d(re, n, n, gains);
        Dct.filter2d(im, n, n, gains);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                re[y * n + x] += amp * Math.cos(k * x * H);
                im[y * n + x] -= amp * Math.sin(k * x * H);
            }
        }
        double[] noise = new double[n * n];
        java.util.Arrays.fill(noise, p);
        WaveField w = new WaveField(n, n, H, H, 60, re, im, noise);
        double truth = kPa * (k * H) * (k * H) / (2 - 2 * Math.cos(k * H)); // with the 3-point stencil's bias
        double off = median(PhysicsPipeline.invert(0, w, c));
        double on = median(PhysicsPipeline.invert(0, w, c.withNoiseBiasCorrection(true)));
        System.out.printf("5 kPa wave 0.3 rad, noise power %.3g rad^2 (3x3, 200 1/m): AHI median %.3f off, %.3f on,"
                + " noise-free %.3f%n", p, off, on, truth);
        assertTrue(off < 0.93 * truth, "uncorrected AHI is biased low: " + off);
        assertEquals(truth, on, 0.04 * truth, "corrected AHI");
    }

    private static double median(SliceResult r) {
        float[] v = r.maps().get(InversionMethod.AHI).values();
        return java.util.Arrays.stream(toDoubles(v)).filter(x -> !Double.isNaN(x)).sorted()
                .skip(java.util.Arrays.stream(toDoubles(v)).filter(x -> !Double.isNaN(x)).count() / 2)
                .findFirst().orElse(Double.NaN);
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
