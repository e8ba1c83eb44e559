// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.phantom;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.exam.Exam;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.science.InversionConfig;
import dev.mre.science.MapStatistics;
import dev.mre.science.WaveField;
import dev.mre.science.grid.BoxFilter;
import dev.mre.science.wave.WaveFieldExtraction;
import java.util.Arrays;

/** Experiment: AHI with a least-squares quadratic-fit (Savitzky-Golay) Laplacian over (2R+1)^2. */
public final class QuadraticFitProbe {
    public static void main(String[] args) {
        double snr = Double.parseDouble(args[0]);
        int seeds = Integer.parseInt(args[1]);
        int bigR = Integer.parseInt(args[2]);
        int r = Integer.parseInt(args[3]);
        double lp = Double.parseDouble(args[4]);
        InversionConfig c = InversionConfig.defaults().withBandPass(0, lp).withWindowRadius(r);
        var incs = BlockPhantoms.defaultInclusions();
        double[][] v = new double[incs.size()][seeds];
        for (int seed = 1; seed <= seeds; seed++) {
            ExamSpec spec = ExamSpec.defaults(PhantomKind.INCLUSIONS, seed).withMatrix(256, 256, 1)
                    .withAcquisition(AcquisitionConfig.defaults().withSnr(snr));
            Exam e = PhantomExams.generate(spec);
            var mre = PhantomExams.toMreExam(e);
            WaveField w = WaveFieldExtraction.extract(mre, mre.slices().get(0), c);
            int rows = 256, cols = 256;
            double h = w.rowSpacingM();
            double[] lr = sg(w.re(), rows, cols, bigR, h);
            double[] li = sg(w.im(), rows, cols, bigR, h);
            int n = rows * cols;
            double[] uu = new double[n], dre = new double[n], dim = new double[n];
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(lr[i])) {
                    continue;
                }
                double ur = w.re()[i], ui = w.im()[i];
                uu[i] = ur * ur + ui * ui;
                dre[i] = -(ur * lr[i] + ui * li[i]);
                dim[i] = -(ur * li[i] - ui * lr[i]);
            }
            uu = BoxFilter.sum(uu, rows, cols, r);
            dre = BoxFilter.sum(dre, rows, cols, r);
            dim = BoxFilter.sum(dim, rows, cols, r);
            double rw2 = 1000 * w.omega() * w.omega() / 1000;
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                double d2 = dre[i] * dre[i] + dim[i] * dim[i];
                g[i] = d2 == 0 || Double.isNaN(lr[i]) ? Float.NaN : (float) (rw2 * uu[i] / Math.sqrt(d2));
            }
            StringBuilder sb = new StringBuilder(String.format("seed %d", seed));
            for (int k = 0; k < incs.size(); k++) {
                v[k][seed - 1] = MapStatistics.medianInMask(g, InclusionPhantomTest.discOf(e, incs.get(k)));
                sb.append(String.format(" %6.2f", v[k][seed - 1]));
            }
            // gel: a block far from inclusions
            boolean[] gel = new boolean[n];
            for (int y = 40; y < 80; y++) {
                for (int x = 100; x < 156; x++) {
                    gel[y * cols + x] = true;
                }
            }
            sb.append(String.format(" gel %6.3f", MapStatistics.medianInMask(g, gel)));
            System.out.println(sb);
            PhantomExams.forget(spec);
        }
        StringBuilder sb = new StringBuilder(String.format("SNR %.0f R %d r %d lp %.0f", snr, bigR, r, lp));
        for (int k = 0; k < 3; k++) {
            double[] d = v[k].clone();
            Arrays.sort(d);
            int within = 0;
            for (double x : d) {
                within += Math.abs(x / 10 - 1) <= 0.15 ? 1 : 0;
            }
            sb.append(String.format(" | %2.0f mm median %6.2f p10-p90 %6.2f-%6.2f within %d/%d", incs.get(k).diameterMm(),
                    d[seeds / 2], d[(int) (0.1 * seeds)], d[(int) Math.min(seeds - 1, 0.9 * seeds)], within, seeds));
        }
        System.out.println(sb);
    }

    /** Laplacian of a least-squares quadratic fit over the (2R+1)^2 square around each pixel. */
    static double[] sg(double[] u, int rows, int cols, int bigR, double h) {
        double m = 0;
        for (int x = -bigR; x <= bigR; x++) {
            m += x * x;
        }
        m /= (2 * bigR + 1);
        double s = 0;
        for (int x = -bigR; x <= bigR; x++) {
            s += (x * x - m) * (x * x - m);
        }
        int nw = 2 * bigR + 1;
        double[] wx = new double[nw];
        for (int x = -bigR; x <= bigR; x++) {
            wx[x + bigR] = 2 * (x * x - m) / (s * nw) / (h * h);
        }
        double[] out = new double[u.length];
        Arrays.fill(out, Double.NaN);
        for (int y = bigR; y < rows - bigR; y++) {
            for (int x = bigR; x < cols - bigR; x++) {
                double a = 0;
                for (int dy = -bigR; dy <= bigR; dy++) {
                    for (int dx = -bigR; dx <= bigR; dx++) {
                        a += (wx[dx + bigR] + wx[dy + bigR]) * u[(y + dy) * cols + x + dx];
                    }
                }
                out[y * cols + x] = a;
            }
        }
        return out;
    }
}
