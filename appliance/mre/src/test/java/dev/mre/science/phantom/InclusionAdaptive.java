// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.phantoms.physics.WaveField;
import dev.mre.phantoms.physics.WaveSolver;
import dev.mre.science.InversionConfig;
import dev.mre.science.InversionMethod;
import dev.mre.science.MreExam;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.SliceResult;
import dev.mre.science.inversion.AlgebraicHelmholtzInversion;
import dev.mre.science.inversion.LocalSums;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiment (not a test): the QA inclusion phantom (default 4 slices) over noise draws, for the
 * fixed and adaptive AHI windows, read two ways: the centre disc of slice 0 alone (what
 * {@link InclusionSeeds} reads: the same numbers for the same seed) and the median over the
 * pooled centre-disc pixels of all slices (a physicist's QA ROI on a cylinder through every slice).
 *
 * <p>The block phantom's slices share geometry and wave; only the noise differs (ExamGenerator:
 * one RNG per slice, seeded {@code seed * 1000003 + 17 i + 1}). So the wave is solved once and
 * each draw's slices are acquired here with exactly the generator's RNG seeds: draw s, slice i is
 * bit-identical to slice i of {@code ExamSpec.defaults(INCLUSIONS, s)}.
 *
 * <p>Args: SNRs, draws first..last, config names (hr, hr-a2, hr-a3, r2, r3; default all), e.g.
 * {@code 30,60,100,3000 1..10}. Add {@code -v} for per-draw lines and {@code -radius} for the
 * share of each radius chosen at the centres.
 */
public final class InclusionAdaptive {
    private InclusionAdaptive() {
    }

    static Map<String, InversionConfig> configs() {
        Map<String, InversionConfig> m = new LinkedHashMap<>();
        InversionConfig hr = InversionConfig.highResolution();
        m.put("hr", hr);
        m.put("hr-a2", hr.withAdaptiveMaxRadius(2));
        m.put("hr-a3", hr.withAdaptiveMaxRadius(3));
        m.put("hr-ici", hr.withAdaptiveMaxRadius(3)); // read with ici() below, not the pipeline's rule
        m.put("r2", hr.withWindowRadius(2));
        m.put("r3", hr.withWindowRadius(3));
        return m;
    }

    public static void main(String[] args) {
        double[] snrs = Arrays.stream(args[0].split(",")).mapToDouble(Double::parseDouble).toArray();
        String[] se = args[1].split("\\.\\.");
        int s0 = Integer.parseInt(se[0]);
        int s1 = Integer.parseInt(se[1]);
        List<String> flags = List.of(args).subList(2, args.length);
        boolean verbose = flags.contains("-v");
        boolean radius = flags.contains("-radius");
        Map<String, InversionConfig> cfgs = configs();
        List<String> names = flags.stream().filter(f -> !f.startsWith("-")).toList();
        if (!names.isEmpty()) {
            cfgs.keySet().retainAll(names);
        }
        ExamSpec base = ExamSpec.defaults(PhantomKind.INCLUSIONS, 1);
        int nx = base.columns();
        int ny = base.rows();
        double px = base.pixelMm();
        var incs = BlockPhantoms.defaultInclusions();
        SliceModel model = PhantomExams.qaModel(base);
        long t0 = System.nanoTime();
        WaveField u = WaveSolver.solve(model.medium(), model.force(), base.solver());
        System.out.printf("wave solved in %.1f s; %d slices of %.0f mm%n", (System.nanoTime() - t0) / 1e9,
                base.slices(), base.sliceThicknessMm());
        List<boolean[]> discs = new ArrayList<>();
        for (var inc : incs) {
            discs.add(disc(nx, ny, px, inc));
        }
        int nInc = 3;
        int ns = s1 - s0 + 1;
        for (double snr : snrs) {
            AcquisitionConfig acq = base.acquisition().withSnr(snr);
            // [config][readout: 0 slice 0, 1 pooled][inclusion][draw]
            double[][][][] v = new double[cfgs.size()][2][nInc][ns];
            long[][][] radiusCount = new long[cfgs.size()][nInc][8];
            for (int s = s0; s <= s1; s++) {
                MreExam exam = PhantomExams.draw(base, model, u, acq, s);
                int c = 0;
                for (var ce : cfgs.entrySet()) {
                    List<SliceResult> res = PhysicsPipeline.run(exam, ce.getValue());
                    StringBuilder sb = new StringBuilder(String.format("snr %5.0f draw %3d %-6s", snr, s, ce.getKey()));
                    for (int k = 0; k < nInc; k++) {
                        double[] pooled = new double[0];
                        for (SliceResult r : res) {
                            float[] map = ce.getKey().equals("hr-ici") ? ici(r, ce.getValue(), ICI_GAMMA)
                                    : r.maps().get(InversionMethod.AHI).values();
                            double[] d = values(map, discs.get(k));
                            if (r.sliceIndex() == 0) {
                                v[c][0][k][s - s0] = median(d);
                            }
                            pooled = concat(pooled, d);
                            if (radius && ce.getValue().adaptiveWindow() && !ce.getKey().equals("hr-ici")) {
                                int[] radii = AlgebraicHelmholtzInversion.adaptiveRadii(ce.getValue());
                                int[] chosen = AlgebraicHelmholtzInversion.adaptiveRadius(r.wave(),
                                        LocalSums.of(List.of(r.wave()), radii), radii, ce.getValue());
                                for (int p = 0; p < chosen.length; p++) {
                                    if (discs.get(k)[p] && chosen[p] >= 0) {
                                        radiusCount[c][k][chosen[p]]++;
                                    }
                                }
                            }
                        }
                        v[c][1][k][s - s0] = median(pooled);
                        sb.append(String.format(" | %2.0f mm s0 %6.2f pooled %6.2f", incs.get(k).diameterMm(),
                                v[c][0][k][s - s0], v[c][1][k][s - s0]));
                    }
                    if (verbose) {
                        System.out.println(sb);
                    }
                    c++;
                }
            }
            int c = 0;
            for (var ce : cfgs.entrySet()) {
                for (int ro = 0; ro < 2; ro++) {
                    StringBuilder sb = new StringBuilder(String.format("SNR %5.0f %-6s %-7s", snr, ce.getKey(),
                            ro == 0 ? "slice0" : "pooled"));
                    for (int k = 0; k < nInc; k++) {
                        double[] d = v[c][ro][k].clone();
                        Arrays.sort(d);
                        int within = 0;
                        for (double x : d) {
                            within += Math.abs(x / incs.get(k).kPa() - 1) <= 0.15 ? 1 : 0;
                        }
                        sb.append(String.format(" | %2.0f mm %6.2f (%5.2f-%5.2f) %2d/%d", incs.get(k).diameterMm(),
                                median(d), d[(int) (0.1 * ns)], d[(int) Math.min(ns - 1, 0.9 * ns)], within, ns));
                    }
                    System.out.println(sb);
                }
                if (radius && ce.getValue().adaptiveWindow() && !ce.getKey().equals("hr-ici")) {
                    StringBuilder sb = new StringBuilder(String.format("SNR %5.0f %-6s radius share at centres:",
                            snr, ce.getKey()));
                    for (int k = 0; k < nInc; k++) {
                        long tot = Arrays.stream(radiusCount[c][k]).sum();
                        sb.append(String.format(" | %2.0f mm", incs.get(k).diameterMm()));
                        for (int r = 0; r < 8; r++) {
                            if (radiusCount[c][k][r] > 0) {
                                sb.append(String.format(" r%d %.2f", r, radiusCount[c][k][r] / (double) tot));
                            }
                        }
                    }
                    System.out.println(sb);
                }
                c++;
            }
        }
    }

    /** Half-width of the ICI intervals in predicted standard deviations (2: about 95% for an unbiased estimate). */
    static final double ICI_GAMMA = 2;

    /**
     * Prototype (not in the main code): the intersection-of-confidence-intervals rule (Lepski;
     * Katkovnik's ICI) over the radii of {@code c}: the fixed-window corrected AHI G_r and its
     * predicted standard deviation G_r sqrt(x_r) ({@link AlgebraicHelmholtzInversion#relativeVariance});
     * the largest radius whose interval G_r +- gamma sd_r still intersects those of all smaller
     * radii. Unlike the noise-only rule it notices a larger window's bias (its estimate leaves the
     * smaller windows' intervals).
     */
    static float[] ici(SliceResult res, InversionConfig c, double gamma) {
        dev.mre.science.WaveField w = res.wave();
        int[] radii = AlgebraicHelmholtzInversion.adaptiveRadii(c);
        List<LocalSums> sums = LocalSums.of(List.of(w), radii);
        int n = w.rows() * w.cols();
        float[][] g = new float[radii.length][];
        double[][] x = new double[radii.length][];
        for (int k = 0; k < radii.length; k++) {
            InversionConfig ck = c.withAdaptiveMaxRadius(0).withWindowRadius(radii[k]);
            g[k] = AlgebraicHelmholtzInversion.invert(w, sums.get(k), ck).values();
            x[k] = AlgebraicHelmholtzInversion.relativeVariance(w, sums.get(k), ck, radii[k]);
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            float pick = g[0][i];
            for (int k = 0; k < radii.length; k++) {
                if (Float.isNaN(g[k][i])) {
                    break;
                }
                double sd = g[k][i] * Math.sqrt(x[k][i]);
                lo = Math.max(lo, g[k][i] - gamma * sd);
                hi = Math.min(hi, g[k][i] + gamma * sd);
                if (lo > hi) {
                    break;
                }
                pick = g[k][i];
            }
            out[i] = pick;
        }
        return out;
    }

    /** The centre disc (quarter diameter, at least 1 px) of an inclusion: where InclusionPhantomTest reads it. */
    public static boolean[] disc(int nx, int ny, double px, BlockPhantoms.Inclusion inc) {
        double cx = inc.xMm() / px + nx / 2.0 - 0.5;
        double cy = inc.yMm() / px + ny / 2.0 - 0.5;
        double rad = Math.max(1, inc.diameterMm() / 4 / px);
        boolean[] d = new boolean[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                d[y * nx + x] = Math.hypot(x - cx, y - cy) <= rad;
            }
        }
        return d;
    }

    private static double[] values(float[] map, boolean[] mask) {
        double[] out = new double[map.length];
        int n = 0;
        for (int i = 0; i < map.length; i++) {
            if (mask[i] && !Float.isNaN(map[i])) {
                out[n++] = map[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Median as MapStatistics.medianInMask computes it (checked against InclusionSeeds' numbers). */
    static double median(double[] d) {
        if (d.length == 0) {
            return Double.NaN;
        }
        double[] s = d.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
