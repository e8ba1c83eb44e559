// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.bench;

import com.sun.management.ThreadMXBean;
import dev.mre.science.InversionConfig;
import dev.mre.science.MreExam;
import dev.mre.science.MreSlice;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.WaveField;
import dev.mre.science.confidence.ConfidenceEstimation;
import dev.mre.science.fft.Dct;
import dev.mre.science.inversion.AlgebraicHelmholtzInversion;
import dev.mre.science.inversion.LocalSums;
import dev.mre.science.inversion.MdevInversion;
import dev.mre.science.phase.LaplacianUnwrap;
import dev.mre.science.phase.TemporalUnwrap;
import dev.mre.science.phase.Wrap;
import dev.mre.science.sim.SimulatedAcquisition;
import dev.mre.science.sim.Waves;
import dev.mre.science.wave.Harmonics;
import dev.mre.science.wave.WaveFieldExtraction;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Benchmark (not a unit test): time per slice of each step and of the full chain, 4 offsets,
 * single thread, median and minimum of repeated runs after warm-up (the minimum is the number
 * least disturbed by other processes on a shared machine). Run:
 * {@code java -cp appliance/mre/target/classes:appliance/mre/target/test-classes
 * dev.mre.science.bench.PipelineBenchmark [rows cols [amplitude-rad]]}.
 */
public final class PipelineBenchmark {
    private static final int REPEATS = 15;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 1 ? Integer.parseInt(args[0]) : 256;
        int cols = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        // amplitude of each of the two plane waves, rad: 2 (default; the sum peaks near 4 rad, so the
        // motion between offsets exceeds pi and every offset needs a spatial unwrap) or e.g. 0.5 (the
        // phantoms' median liver wave: one spatial unwrap per slice)
        double amplitude = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        double h = 1.5625e-3;
        double[][] u = Waves.planeWaves(rows, cols, h, 60, 3000, 300, amplitude, new double[] {0.3, 2.0}, new double[] {0, 1});
        MreExam exam = new SimulatedAcquisition(4, null, 0.05, SimulatedAcquisition.ramp(rows, cols, 6), true, 1)
                .exam(rows, cols, h, 60, u, 4);
        MreSlice slice = exam.slices().get(0);
        InversionConfig cfg = InversionConfig.defaults();
        double[][] wrapped = new double[4][rows * cols];
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < rows * cols; i++) {
                wrapped[t][i] = Wrap.wrap(slice.phase()[t][i]);
            }
        }
        WaveField wave = WaveFieldExtraction.extract(exam, slice, cfg);
        double maxU = 0;
        for (int i = 0; i < rows * cols; i++) {
            maxU = Math.max(maxU, Math.hypot(u[0][i], u[1][i]));
        }
        System.out.printf("input: largest |U| %.2f rad; spatial Poisson solves of the unwrap: %d (0: temporal steps, 4: per offset)%n",
                maxU, TemporalUnwrap.relative(wrapped, rows, cols, null).spatialSolves());
        LocalSums sums = LocalSums.of(wave, cfg.windowRadius());
        System.out.printf("MRE physics chain benchmark, %dx%d, 4 offsets, wave amplitude %.2f rad x 2, %d-pixel window, %s, %d CPUs%n",
                rows, cols, amplitude, 2 * cfg.windowRadius() + 1, System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("| step | wall ms (median) | thread CPU ms (median) | thread CPU ms (min) | MB allocated |");
        System.out.println("|---|---|---|---|---|");
        time("unwrap 4 offsets, one Laplacian unwrap each", () -> {
            for (double[] w : wrapped) {
                LaplacianUnwrap.unwrap(w, rows, cols);
            }
            return null;
        });
        time("unwrap 4 offsets, temporal steps (as in the chain)", () -> TemporalUnwrap.relative(wrapped, rows, cols, null));
        time("temporal harmonics (bins 1, 2)", () -> Harmonics.bin(wrapped, 1)[0].length + Harmonics.bin(wrapped, 2)[0].length);
        time("band-pass, one image (DCT there and back)", () -> {
            double[] x = wrapped[0].clone();
            Dct.forward2d(x, rows, cols);
            Dct.inverse2d(x, rows, cols);
            return x;
        });
        time("wave extraction total (phase -> WaveField)", () -> WaveFieldExtraction.extract(exam, slice, cfg));
        time("window sums + 3-point Laplacian", () -> LocalSums.of(wave, cfg.windowRadius()));
        time("AHI (given sums)", () -> AlgebraicHelmholtzInversion.invert(wave, sums, cfg));
        time("MDEV (given sums)", () -> MdevInversion.invert(wave, sums, cfg));
        time("confidence (given sums)", () -> ConfidenceEstimation.estimate(wave, sums, cfg));
        time("AHI chain alone (extraction + sums + AHI + confidence)", () -> {
            WaveField w = WaveFieldExtraction.extract(exam, slice, cfg);
            LocalSums s = LocalSums.of(w, cfg.windowRadius());
            AlgebraicHelmholtzInversion.invert(w, s, cfg);
            return ConfidenceEstimation.estimate(w, s, cfg);
        });
        time("MDEV chain alone (extraction + sums + MDEV + confidence)", () -> {
            WaveField w = WaveFieldExtraction.extract(exam, slice, cfg);
            LocalSums s = LocalSums.of(w, cfg.windowRadius());
            MdevInversion.invert(w, s, cfg);
            return ConfidenceEstimation.estimate(w, s, cfg);
        });
        time("full chain, one slice (both methods + confidence)", () -> PhysicsPipeline.runSlice(exam, slice, cfg));
        time("full chain, 4-slice exam", () -> PhysicsPipeline.run(exam, cfg));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use after runs: %.0f MB (max %.0f MB)%n",
                (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);
    }

    private static void time(String name, Supplier<Object> work) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        double[] ms = new double[REPEATS];
        double[] cpu = new double[REPEATS];
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < REPEATS; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double mb = (mx.getCurrentThreadAllocatedBytes() - before) / 1e6 / REPEATS;
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("| %s | %.2f | %.2f | %.2f | %.1f |%n", name, ms[REPEATS / 2], cpu[REPEATS / 2], cpu[0], mb);
    }
}
