// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.dicom;

import dev.mre.phantoms.anatomy.Tissue;
import dev.mre.phantoms.exam.ExamSlice;

/**
 * The vendor-style elastogram and its confidence mask, as a scanner would store them next to the
 * raw images. The simulator has no inversion of its own, so the elastogram is the true |G*| blurred
 * by a 5x5 box (vendor inversions smooth over about a centimetre) on solid tissue, and the
 * confidence region is where the wave is measurable: solid, non-fluid tissue whose true wave
 * amplitude exceeds 3 noise standard deviations of the phase (sigma / magnitude, in radians).
 * Documented as a model of what vendors deliver, not of how they compute it.
 */
public final class Elastograms {
    private Elastograms() {
    }

    /** |G*| in Pa per pixel (0 outside solid tissue). */
    public static double[] elastogramPa(ExamSlice s) {
        int nx = s.truth().nx();
        int ny = s.truth().ny();
        double[] out = new double[nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int k = y * nx + x;
                if (!tissue(s, k)) {
                    continue;
                }
                double sum = 0;
                int n = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && yy >= 0 && xx < nx && yy < ny && tissue(s, yy * nx + xx)) {
                            sum += s.truth().modulusKPa(yy * nx + xx);
                            n++;
                        }
                    }
                }
                out[k] = 1000 * sum / n;
            }
        }
        return out;
    }

    /** Solid tissue of the patient or phantom (not air, not the table). */
    private static boolean tissue(ExamSlice s, int k) {
        Tissue t = s.truth().tissue(k);
        return t.solid() && t != Tissue.TABLE;
    }

    /** True where the simulated confidence is high enough to report stiffness. */
    public static boolean[] confident(ExamSlice s, double encodingUmPerRad) {
        int n = s.truth().nx() * s.truth().ny();
        boolean[] c = new boolean[n];
        for (int k = 0; k < n; k++) {
            Tissue t = s.truth().tissue(k);
            if (!t.solid() || t == Tissue.VESSEL || t == Tissue.GALLBLADDER || t == Tissue.BONE || t == Tissue.TABLE) {
                continue;
            }
            double ampRad = Math.hypot(s.images().waveUm()[2 * k], s.images().waveUm()[2 * k + 1]) / encodingUmPerRad;
            double phaseNoise = s.images().noiseSigma() / Math.max(1e-6, t.magnitude());
            c[k] = ampRad >= 3 * phaseNoise;
        }
        return c;
    }
}
