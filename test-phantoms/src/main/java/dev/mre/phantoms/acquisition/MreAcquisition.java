// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.acquisition;

import dev.mre.phantoms.anatomy.SliceModel;
import dev.mre.phantoms.anatomy.Tissue;
import dev.mre.phantoms.physics.WaveField;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The acquisition model: from a solved wave field to the magnitude and phase images of N phase
 * offsets. Phase at offset n is Re(U e^{i 2 pi n / N}) / encoding + static background, wrapped to
 * (-pi, pi]; each offset's complex signal M e^{i phase} gets independent complex Gaussian noise,
 * so magnitude is Rician and the phase of air is uniform noise, as on a scanner. The wave field's
 * arbitrary scale is set so the median amplitude |U| over the reference region (the liver; all
 * tissue but the table where the slice has no liver) equals the configured reference amplitude.
 * A median, not the peak: the driver's near field is a hotspot hundreds of times the liver's
 * amplitude, and scaling by it left the liver wave below the noise.
 */
public final class MreAcquisition {
    private MreAcquisition() {
    }

    public static AcquiredSlice acquire(SliceModel m, WaveField u, AcquisitionConfig cfg, SplittableRandom rnd) {
        int n = m.nx() * m.ny();
        double median = medianReferenceAmplitude(m, u.values());
        double scale = median == 0 ? 0 : cfg.referenceAmplitudeUm() / median;
        double[] wave = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            wave[i] = u.values()[i] * scale;
        }
        double[] mag = new double[n];
        double refSum = 0;
        int refCount = 0;
        for (int y = 0; y < m.ny(); y++) {
            double yy = (y + 0.5) / m.ny() * 2 - 1;
            double shading = 0.75 + 0.35 * yy * yy; // anterior and posterior coil elements
            for (int x = 0; x < m.nx(); x++) {
                int k = y * m.nx() + x;
                Tissue t = m.tissue(k);
                mag[k] = t.magnitude() * shading;
                if (t == Tissue.LIVER || t == Tissue.GEL) {
                    refSum += mag[k];
                    refCount++;
                }
            }
        }
        double sigma = (refCount == 0 ? 0.5 : refSum / refCount) / cfg.snr();
        int no = cfg.phaseOffsets();
        float[][] outMag = new float[no][n];
        float[][] outPhase = new float[no][n];
        for (int o = 0; o < no; o++) {
            double c = Math.cos(2 * Math.PI * o / no);
            double s = Math.sin(2 * Math.PI * o / no);
            for (int y = 0; y < m.ny(); y++) {
                double yy = (y + 0.5) / m.ny() - 0.5;
                for (int x = 0; x < m.nx(); x++) {
                    int k = y * m.nx() + x;
                    double xx = (x + 0.5) / m.nx() - 0.5;
                    double disp = wave[2 * k] * c - wave[2 * k + 1] * s;
                    double phase = disp / cfg.encodingUmPerRad() + cfg.backgroundPhaseRad() * (xx + 0.6 * yy + xx * yy);
                    double re = mag[k] * Math.cos(phase) + sigma * rnd.nextGaussian();
                    double im = mag[k] * Math.sin(phase) + sigma * rnd.nextGaussian();
                    outMag[o][k] = (float) Math.hypot(re, im);
                    outPhase[o][k] = (float) Math.atan2(im, re);
                }
            }
        }
        return new AcquiredSlice(outMag, outPhase, wave, sigma);
    }

    /**
     * Median |U| over the liver pixels, or over all solid tissue except the table where there is
     * no liver (gel and inclusions of block phantoms, a slice below the liver). 0 for no tissue.
     *
     * @param u interleaved complex wave field, any scale
     */
    public static double medianReferenceAmplitude(SliceModel m, double[] u) {
        int n = m.nx() * m.ny();
        double[] liver = new double[n];
        double[] tissue = new double[n];
        int nl = 0;
        int nt = 0;
        for (int k = 0; k < n; k++) {
            Tissue t = m.tissue(k);
            double a = Math.hypot(u[2 * k], u[2 * k + 1]);
            if (t == Tissue.LIVER) {
                liver[nl++] = a;
            }
            if (t.solid() && t != Tissue.TABLE) {
                tissue[nt++] = a;
            }
        }
        double[] ref = nl > 0 ? Arrays.copyOf(liver, nl) : Arrays.copyOf(tissue, nt);
        if (ref.length == 0) {
            return 0;
        }
        Arrays.sort(ref);
        return ref[ref.length / 2];
    }
}
