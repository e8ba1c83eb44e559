// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.bench;

import dev.mre.science.InversionConfig;
import dev.mre.science.MreExam;
import dev.mre.science.PhysicsPipeline;
import dev.mre.science.sim.SimulatedAcquisition;
import dev.mre.science.sim.Waves;

/**
 * Profiling aid (not a test): runs the full chain on the benchmark's slice {@code runs} times, so
 * that an external counter (perf stat, JFR) sees mostly the chain. Args: runs [amplitude-rad].
 */
public final class ChainLoop {
    private ChainLoop() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        double amplitude = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        int rows = 256;
        int cols = 256;
        double h = 1.5625e-3;
        double[][] u = Waves.planeWaves(rows, cols, h, 60, 3000, 300, amplitude, new double[] {0.3, 2.0}, new double[] {0, 1});
        MreExam exam = new SimulatedAcquisition(4, null, 0.05, SimulatedAcquisition.ramp(rows, cols, 6), true, 1)
                .exam(rows, cols, h, 60, u, 1);
        InversionConfig cfg = InversionConfig.defaults();
        for (int i = 0; i < 20; i++) {
            PhysicsPipeline.run(exam, cfg);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] cpu = new double[runs];
        double s = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            s += PhysicsPipeline.run(exam, cfg).get(0).confidence().maskedPixels();
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        double wall = (System.nanoTime() - t0) / 1e6 / runs;
        java.util.Arrays.sort(cpu);
        System.out.printf("%d runs after 20 warm-up: thread CPU ms per slice min %.2f, p25 %.2f, median %.2f; wall mean %.2f"
                + " (checksum %.0f)%n", runs, cpu[0], cpu[runs / 4], cpu[runs / 2], wall, s);
    }
}
