// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.inversion;

import dev.mre.phantoms.anatomy.BlockPhantoms;
import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.exam.ExamSpec;
import dev.mre.phantoms.exam.PhantomKind;
import dev.mre.phantoms.physics.WaveSolver;
import dev.mre.science.InversionConfig;
import dev.mre.science.WaveField;
import dev.mre.science.phantom.InclusionAdaptive;
import java.util.List;

/** Experiment (not a test): truth, noise-free 3x3 AHI and the centre disc around each inclusion. */
public final class DiscMapProbe {
    public static void main(String[] args) {
        double snr = args.length > 0 ? Double.parseDouble(args[0]) : 1e7;
        InversionConfig c = InversionConfig.highResolution();
        ExamSpec base = ExamSpec.defaults(PhantomKind.INCLUSIONS, 1);
        int nx = base.columns();
        int ny = base.rows();
        double px = base.pixelMm();
        var incs = BlockPhantoms.defaultInclusions();
        SliceModel model = dev.mre.science.phantom.PhantomExams.qaModel(base);
        var u = WaveSolver.solve(model.medium(), model.force(), base.solver());
        List<WaveField> ref = BiasDecompositionProbe.extract(base, model, u, base.acquisition().withSnr(snr), 1, c);
        WaveField w = ref.get(0);
        float[] g = AlgebraicHelmholtzInversion.invert(w, c).values();
        for (var inc : incs) {
            boolean[] d = InclusionAdaptive.disc(nx, ny, px, inc);
            double cx = inc.xMm() / px + nx / 2.0 - 0.5;
            double cy = inc.yMm() / px + ny / 2.0 - 0.5;
            System.out.printf("%n%.0f mm at (row %.2f, col %.2f); rows: truth | AHI 3x3 noise-free (* = centre disc) | |U|%n",
                    inc.diameterMm(), cy, cx);
            int r0 = (int) Math.round(cy) - 6;
            int c0 = (int) Math.round(cx) - 6;
            for (int y = r0; y <= r0 + 12; y++) {
                StringBuilder sb = new StringBuilder(String.format("%3d ", y));
                for (int x = c0; x <= c0 + 12; x++) {
                    int i = y * nx + x;
                    sb.append(String.format("%3.0f", model.modulusKPa(i)));
                }
                sb.append(" | ");
                for (int x = c0; x <= c0 + 12; x++) {
                    int i = y * nx + x;
                    sb.append(String.format("%5.1f%s", g[i], d[i] ? "*" : " "));
                }
                sb.append(" | ");
                for (int x = c0; x <= c0 + 12; x++) {
                    int i = y * nx + x;
                    sb.append(String.format("%4.2f ", Math.hypot(w.re()[i], w.im()[i])));
                }
                System.out.println(sb);
            }
        }
    }
}
