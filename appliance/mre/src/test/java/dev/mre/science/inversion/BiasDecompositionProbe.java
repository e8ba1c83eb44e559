// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.phantoms.physics.WaveSolver;
import dev.mre.science.InversionConfig;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.WaveField;
import dev.mre.science.grid.BoxFilter;
import dev.mre.science.phantom.InclusionAdaptive;
import dev.mre.science.phantom.PhantomExams;
import dev.mre.science.wave.WaveFieldExtraction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Experiment (not a test): where the residual low bias of the corrected 3x3 AHI at the QA
 * phantom's inclusion centres comes from. Per centre-disc pixel, over noise draws and the 4
 * slices, the noisy window sums N = sum|U|^2 and D = -sum conj(U) L against the noise-free ones
 * (same wave, SNR 1e7) and against NoiseBias's predicted terms, and |G*| with partial (oracle)
 * corrections (the exact Rice-median inversion of |D| among them). Args: SNR, draws first..last,
 * optional oracle noise-power factors per inclusion (20 mm, 10 mm; e.g. 1.18,1.374, the measured
 * ratio of the actual filtered noise power at the disc to the 17x17 estimate).
 */
public final class BiasDecompositionProbe {
    public static void main(String[] args) {
        double snr = Double.parseDouble(args[0]);
        String[] se = args[1].split("\\.\\.");
        int s0 = Integer.parseInt(se[0]);
        int s1 = Integer.parseInt(se[1]);
        InversionConfig c = InversionConfig.highResolution();
        ExamSpec base = ExamSpec.defaults(PhantomKind.INCLUSIONS, 1);
        int nx = base.columns();
        int ny = base.rows();
        double px = base.pixelMm();
        var incs = BlockPhantoms.defaultInclusions();
        SliceModel model = PhantomExams.qaModel(base);
        var u = WaveSolver.solve(model.medium(), model.force(), base.solver());
        int nsl = base.slices();
        double step = base.sliceThicknessMm() + base.sliceGapMm();
        List<WaveField> ref = extract(base, model, u, base.acquisition().withSnr(1e7), 1, c);
        List<LocalSums> refS = new ArrayList<>();
        for (WaveField w : ref) {
            refS.add(LocalSums.of(w, c.windowRadius()));
        }
        WaveField w00 = ref.get(0);
        LaplacianNoise k = LaplacianNoise.of(ny, nx, w00.rowSpacingM(), w00.colSpacingM(), c);
        double lw = LaplacianNoise.windowSumVariance(ny, nx, w00.rowSpacingM(), w00.colSpacingM(), c, 1);
        double rhoW2 = c.densityKgPerM3() * w00.omega() * w00.omega() / 1000;
        int nInc = 2;
        List<boolean[]> discs = new ArrayList<>();
        for (int q = 0; q < nInc; q++) {
            discs.add(InclusionAdaptive.disc(nx, ny, px, incs.get(q)));
        }
        AcquisitionConfig acq = base.acquisition().withSnr(snr);
        // accumulators per inclusion
        int nAcc = 20;
        double[][] acc = new double[nInc][nAcc];
        long[] cnt = new long[nInc];
        // pooled readings per draw: [inc][variant][draw]
        int nVar = 11;
        String[] varName = {"noise-free", "uncorrected", "corrected (as shipped)", "N exact, D corrected",
            "corrected, P x (9x9 |n|^2 of the draw) / P17", "corrected, V/2->V", "corrected, 9x9 P, V", "Rice-median, P17",
            "Rice-median, P x oracle", "on-target px only: shipped", "on-target px only: Rice P17"};
        double[] oracle = args.length > 2 ? java.util.Arrays.stream(args[2].split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {1, 1};
        double[][][] pooled = new double[nInc][nVar][s1 - s0 + 1];
        // per-pixel ratio samples G/G0 for the shipped correction
        List<List<Double>> ratios = new ArrayList<>();
        for (int q = 0; q < nInc; q++) {
            ratios.add(new ArrayList<>());
        }
        List<List<Double>> riceRatios = new ArrayList<>();
        for (int q = 0; q < nInc; q++) {
            riceRatios.add(new ArrayList<>());
        }
        java.util.TreeMap<Integer, List<double[]>> perPixel = new java.util.TreeMap<>();
        // true filtered noise power at the disc (per inclusion) and 17x17 estimate, first pass from all draws
        for (int s = s0; s <= s1; s++) {
            List<WaveField> ws = extract(base, model, u, acq, s, c);
            @SuppressWarnings("unchecked") List<Double>[] vals = new List[nInc * nVar];
            for (int j = 0; j < vals.length; j++) {
                vals[j] = new ArrayList<>();
            }
            for (int sl = 0; sl < nsl; sl++) {
                WaveField w = ws.get(sl);
                WaveField w0 = ref.get(sl);
                LocalSums s_ = LocalSums.of(w, 1);
                LocalSums r_ = refS.get(sl);
                double[][] e = NoiseBias.expected(w, s_, c, 1);
                double[] p17 = BoxFilter.mean(w.noisePower(), ny, nx, NoiseBias.NOISE_RADIUS);
                // actual filtered noise power, 3x3 mean of |w - w0|^2 (one draw, so noisy but unbiased)
                int n = nx * ny;
                double[] np = new double[n];
                for (int i = 0; i < n; i++) {
                    double a = w.re()[i] - w0.re()[i];
                    double b = w.im()[i] - w0.im()[i];
                    np[i] = a * a + b * b;
                }
                double[] npWide = BoxFilter.mean(np, ny, nx, 4);
                for (int q = 0; q < nInc; q++) {
                    boolean[] d = discs.get(q);
                    for (int i = 0; i < n; i++) {
                        if (!d[i]) {
                            continue;
                        }
                        double count = s_.count()[i];
                        double N = s_.uu()[i], Dr = -s_.ulRe()[i], Di = -s_.ulIm()[i];
                        double N0 = r_.uu()[i], D0r = -r_.ulRe()[i], D0i = -r_.ulIm()[i];
                        double d0 = Math.hypot(D0r, D0i);
                        double ar = D0r / d0, ai = D0i / d0;
                        double er = Dr - D0r, ei = Di - D0i;
                        double along = er * ar + ei * ai;
                        double across = -er * ai + ei * ar;
                        double[] a = acc[q];
                        a[0] += N0;
                        a[1] += N - N0;
                        a[2] += count * p17[i];
                        a[3] += count * np[i];
                        a[4] += d0 * d0;
                        a[5] += Dr - D0r;
                        a[6] += e[1][i];
                        a[7] += Di - D0i;
                        a[8] += along * along;
                        a[9] += across * across;
                        a[10] += 2 * e[2][i];
                        a[11] += D0r;
                        a[12] += p17[i];
                        a[13] += np[i];
                        a[14] += w.noisePower()[i];
                        a[15] += along;
                        // the sum conj(n) L n part's spread is in along/across; record the predicted V with true P
                        a[16] += 2 * e[2][i] * (npWide[i] / p17[i]);
                        cnt[q]++;
                        double g0 = rhoW2 * N0 / d0;
                        double gu = rhoW2 * N / Math.hypot(Dr, Di);
                        double gc = corr(N, Dr, Di, e[0][i], e[1][i], e[2][i], rhoW2);
                        double gnd = corr(N0 + e[0][i], Dr, Di, e[0][i], e[1][i], e[2][i], rhoW2);
                        double f = npWide[i] / p17[i];
                        double gtp = corr(N, Dr, Di, e[0][i] * f, e[1][i] * f, e[2][i] * f, rhoW2);
                        double gv = corr(N, Dr, Di, e[0][i], e[1][i], 2 * e[2][i], rhoW2);
                        double gtpv = corr(N, Dr, Di, e[0][i] * f, e[1][i] * f, 2 * e[2][i] * f, rhoW2);
                        double grice = rice(N, Dr, Di, e[0][i], e[1][i], e[2][i], rhoW2);
                        double fo = oracle[q];
                        double griceo = rice(N, Dr, Di, e[0][i] * fo, e[1][i] * fo, e[2][i] * fo, rhoW2);
                        double[] g = {g0, gu, gc, gnd, gtp, gv, gtpv, grice, griceo, g0 >= 9 ? gc : Double.NaN,
                            g0 >= 9 ? grice : Double.NaN};
                        for (int v = 0; v < nVar; v++) {
                            if (!Double.isNaN(g[v])) {
                                vals[q * nVar + v].add(g[v]);
                            }
                        }
                        riceRatios.get(q).add(grice / g0);
                        ratios.get(q).add(gc / g0);
                        perPixel.computeIfAbsent(q * 1_000_000 + i, kk -> new ArrayList<>()).add(new double[] {g0, gc,
                            gu, 2 * e[2][i] / (d0 * d0), (along * along) / (d0 * d0), f});
                        a[17] += gc / g0;
                        a[18] += gu / g0;
                        a[19] += Math.log(gc / g0);
                    }
                }
            }
            for (int q = 0; q < nInc; q++) {
                for (int v = 0; v < nVar; v++) {
                    pooled[q][v][s - s0] = median(vals[q * nVar + v].stream().mapToDouble(x -> x).toArray());
                }
            }
        }
        dumpPixels(perPixel, nx);
        System.out.printf("SNR %.0f draws %d..%d, ul %.4g, lw %.4g%n", snr, s0, s1, k.ul(), lw);
        for (int q = 0; q < nInc; q++) {
            double[] a = acc[q].clone();
            for (int j = 0; j < a.length; j++) {
                a[j] /= cnt[q];
            }
            System.out.printf("%n%2.0f mm centre (%d pixel samples)%n", incs.get(q).diameterMm(), cnt[q]);
            System.out.printf("  noise power: 17x17 estimate %.4g, per-pixel measured %.4g, actual |n_f|^2 %.4g (actual/17x17 %.3f)%n",
                    a[12], a[14], a[13], a[13] / a[12]);
            System.out.printf("  N: N0 %.4g, E[N-N0] %.4g (%.2f%%), pred count P17 %.4g, count P_actual %.4g%n",
                    a[0], a[1], 100 * a[1] / a[0], a[2], a[3]);
            System.out.printf("  Re D: Re D0 %.4g |D0| %.4g, E[ReD-ReD0] %.4g (%.2f%% of |D0|), pred %.4g (%.2f%%); E[ImD-ImD0] %.4g; E[along] %.4g%n",
                    a[11], Math.sqrt(a[4]), a[5], 100 * a[5] / Math.sqrt(a[4]), a[6], 100 * a[6] / Math.sqrt(a[4]), a[7], a[15]);
            System.out.printf("  second order: E along^2 / |D0|^2 %.4f, E across^2 / |D0|^2 %.4f, sum %.4f; pred V/|D0|^2 (P17) %.4f, with actual P %.4f%n",
                    a[8] / a[4], a[9] / a[4], (a[8] + a[9]) / a[4], a[10] / a[4], a[16] / a[4]);
            System.out.printf("  pixel ratios G/G0: corrected mean %.4f, geo-mean %.4f, median %.4f; uncorrected mean %.4f%n",
                    a[17], Math.exp(a[19]), median(ratios.get(q).stream().mapToDouble(x -> x).toArray()), a[18]);
            System.out.printf("  pixel ratios G/G0 Rice-median P17: median %.4f%n",
                    median(riceRatios.get(q).stream().mapToDouble(x -> x).toArray()));
            for (int v = 0; v < nVar; v++) {
                double[] d = pooled[q][v].clone();
                Arrays.sort(d);
                int within = 0;
                for (double x : d) {
                    within += Math.abs(x / 10 - 1) <= 0.15 ? 1 : 0;
                }
                System.out.printf("  pooled 4-slice median, draw median %6.2f (p10 %5.2f p90 %5.2f) within 15%% %2d/%d  %s%n",
                        median(d), d[(int) (0.1 * d.length)], d[(int) Math.min(d.length - 1, 0.9 * d.length)],
                        within, d.length, varName[v]);
            }
        }
    }

    private static void dumpPixels(java.util.TreeMap<Integer, List<double[]>> perPixel, int nx) {
        System.out.println();
        System.out.println("per pixel (inc, row, col): G0 (slice 0..3), median corrected, median uncorrected, mean V/|D0|^2 pred, measured along^2/|D0|^2, P ratio");
        for (var en : perPixel.entrySet()) {
            List<double[]> l = en.getValue();
            int q = en.getKey() / 1_000_000;
            int i = en.getKey() % 1_000_000;
            StringBuilder g0s = new StringBuilder();
            for (int j = 0; j < 4; j++) {
                g0s.append(String.format(" %6.2f", l.get(j)[0]));
            }
            double[] a = new double[6];
            for (double[] x : l) {
                for (int j = 0; j < 6; j++) {
                    a[j] += x[j] / l.size();
                }
            }
            System.out.printf("  %d (%3d,%3d) G0%s  med Gc %6.2f  med Gu %6.2f  V %.3f along2 %.3f P %.2f%n", q, i / nx, i % nx,
                    g0s, median(l.stream().mapToDouble(x -> x[1]).toArray()),
                    median(l.stream().mapToDouble(x -> x[2]).toArray()), a[3], a[4], a[5]);
        }
    }

    /** Median of Rice(t, 1) on a grid of t (0..20 step 0.01). */
    static final double[] RICE_MED = riceMedians();

    static double i0e(double z) {
        if (z <= 3.75) {
            double y = (z / 3.75) * (z / 3.75);
            return Math.exp(-z) * (1 + y * (3.5156229 + y * (3.0899424 + y * (1.2067492 + y * (0.2659732
                    + y * (0.0360768 + y * 0.0045813))))));
        }
        double y = 3.75 / z;
        return (0.39894228 + y * (0.01328592 + y * (0.00225319 + y * (-0.00157565 + y * (0.00916281
                + y * (-0.02057706 + y * (0.02635537 + y * (-0.01647633 + y * 0.00392377)))))))) / Math.sqrt(z);
    }

    static double[] riceMedians() {
        double[] out = new double[2001];
        double h = 0.002;
        for (int k = 0; k < out.length; k++) {
            double t = 0.01 * k;
            double cdf = 0;
            double prev = 0;
            double x = 0;
            double fPrev = 0;
            while (true) {
                double xn = x + h;
                double f = xn * Math.exp(-(xn - t) * (xn - t) / 2) * i0e(xn * t);
                double add = 0.5 * (f + fPrev) * h;
                if (cdf + add >= 0.5) {
                    out[k] = x + h * (0.5 - cdf) / add;
                    break;
                }
                cdf += add;
                fPrev = f;
                x = xn;
            }
        }
        return out;
    }

    /** nu / sigma whose Rice median is m / sigma (0 below the noise-only median). */
    static double riceInvert(double mOverS) {
        if (mOverS <= RICE_MED[0]) {
            return 0;
        }
        int last = RICE_MED.length - 1;
        if (mOverS >= RICE_MED[last]) {
            return Math.sqrt(mOverS * mOverS - 1);
        }
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (RICE_MED[mid] <= mOverS) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double fr = (mOverS - RICE_MED[lo]) / (RICE_MED[hi] - RICE_MED[lo]);
        return 0.01 * (lo + fr);
    }

    /** As the shipped correction, but |D| from the Rice median inversion with sigma^2 = V/2 per component. */
    private static double rice(double uu, double dr, double di, double np, double nd, double halfV, double rhoW2) {
        double d2 = dr * dr + di * di;
        double drc = dr - Math.min(Math.max(dr, 0), nd);
        double m = Math.hypot(drc, di);
        double sigma = Math.sqrt(halfV);
        double nu = sigma > 0 ? sigma * riceInvert(m / sigma) : m;
        double dc = Math.max(nu, NoiseBias.KEEP * Math.sqrt(d2));
        double uc = Math.max(uu - np, NoiseBias.KEEP * uu);
        return rhoW2 * uc / dc;
    }

    private static double corr(double uu, double dr, double di, double np, double nd, double v, double rhoW2) {
        double[] out = new double[3];
        // the shipped correction (AlgebraicHelmholtzInversion.corrected, private there)
        double d2 = dr * dr + di * di;
        double drc = dr - Math.min(Math.max(dr, 0), nd);
        double d2c = Math.max(drc * drc + di * di - v, NoiseBias.KEEP * NoiseBias.KEEP * d2);
        double f = drc * drc + di * di > 0 ? Math.sqrt(d2c / (drc * drc + di * di)) : 1;
        out[0] = drc * f;
        out[1] = di * f;
        out[2] = Math.max(uu - np, NoiseBias.KEEP * uu);
        return rhoW2 * out[2] / Math.hypot(out[0], out[1]);
    }

    static List<WaveField> extract(ExamSpec base, SliceModel model, dev.mre.phantoms.physics.WaveField u,
                                   AcquisitionConfig acq, int s, InversionConfig c) {
        MreExam exam = PhantomExams.draw(base, model, u, acq, s);
        List<WaveField> out = new ArrayList<>();
        for (MreSlice sl : exam.slices()) {
            out.add(WaveFieldExtraction.extract(exam, sl, c));
        }
        return out;
    }


    static double median(double[] d) {
        double[] s = d.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
