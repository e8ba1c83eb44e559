// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.wave;

import dev.mre.science.WaveField;
import dev.mre.science.fft.Fft2d;
import java.util.ArrayList;
import java.util.List;

/**
 * Directional decomposition of a complex wave field into D components, each holding the waves
 * that travel within +-90 degrees of one direction (as in k-MDEV, Tzschaetzsch et al. 2016).
 *
 * <p>Exists because superposed waves from several directions interfere: at nodes of the
 * interference |U| is small and noise dominates |lap U|, which biases magnitude-ratio inversions
 * (MDEV) low. Each component is closer to a single travelling wave. Gain of component d for a
 * wave travelling in direction a (angle of -k in the spectrum, since a travelling wave is
 * e^{-i k.r} under the e^{+i w t} convention): g_d = sqrt(4/D) cos(a - a_d) where that cosine is
 * positive, else 0, with a_d = 2 pi d / D. For even D >= 4 the gains are power-complementary:
 * sum_d g_d^2 = 1 at every spatial frequency, so the components' powers add up to the field's,
 * white noise keeps its total power (the measured noise power stays valid for the summed
 * statistics), and the zero frequency is shared equally (g^2 = 1/D). A filter that depends on the
 * direction only leaves a plane wave's wavenumber unchanged: it cannot bias a wavelength.
 *
 * <p>The field is mirror-extended to 2 rows x 2 cols before the FFT (even symmetry, as the DCT
 * band-pass), so the image edges add no wrap-around discontinuity. The mirrored copies hold the
 * reflected waves, which the filter sends to the opposite components; within about a wavelength
 * of an edge a component is therefore less pure. Cost: one forward and D inverse complex FFTs of
 * the extended image.
 *
 * <p>Use with a high-pass: the near-zero-wavenumber part of a field (driver near field, decay
 * envelope) is shared by every component, also by those that hold no wave, and there adds |U|
 * without |lap U| (measured: +2 to +12% on the homogeneous phantoms without a high-pass, AHI
 * within 0.3% with a 10 1/m one).
 */
public final class DirectionalFilter {
    private DirectionalFilter() {
    }

    /**
     * The D directional components of {@code w}, each a {@link WaveField} with the same geometry
     * and the full field's noise power (the components' noise powers add up to it).
     */
    public static List<WaveField> split(WaveField w, int directions) {
        if (directions < 4 || directions % 2 != 0) {
            throw new IllegalArgumentException("directional filters need an even number of directions >= 4, got "
                    + directions);
        }
        int rows = w.rows();
        int cols = w.cols();
        int er = 2 * rows;
        int ec = 2 * cols;
        double[] sr = new double[er * ec];
        double[] si = new double[er * ec];
        for (int y = 0; y < er; y++) {
            int sy = y < rows ? y : er - 1 - y;
            for (int x = 0; x < ec; x++) {
                int sx = x < cols ? x : ec - 1 - x;
                sr[y * ec + x] = w.re()[sy * cols + sx];
                si[y * ec + x] = w.im()[sy * cols + sx];
            }
        }
        Fft2d.forward(sr, si, er, ec);
        // spectral direction of every coefficient: angle of -f (the propagation direction)
        double[] angle = new double[er * ec];
        boolean[] dc = new boolean[er * ec];
        for (int p = 0; p < er; p++) {
            double fy = (p <= er / 2 ? p : p - er) / (er * w.rowSpacingM());
            for (int q = 0; q < ec; q++) {
                double fx = (q <= ec / 2 ? q : q - ec) / (ec * w.colSpacingM());
                int i = p * ec + q;
                dc[i] = p == 0 && q == 0;
                angle[i] = Math.atan2(-fy, -fx);
            }
        }
        double scale = Math.sqrt(4.0 / directions);
        double dcGain = Math.sqrt(1.0 / directions);
        List<WaveField> out = new ArrayList<>(directions);
        double[] cr = new double[er * ec];
        double[] ci = new double[er * ec];
        for (int d = 0; d < directions; d++) {
            double ad = 2 * Math.PI * d / directions;
            for (int i = 0; i < cr.length; i++) {
                double g = dc[i] ? dcGain : scale * Math.max(0, Math.cos(angle[i] - ad));
                cr[i] = sr[i] * g;
                ci[i] = si[i] * g;
            }
            Fft2d.inverse(cr, ci, er, ec);
            double[] re = new double[rows * cols];
            double[] im = new double[rows * cols];
            for (int y = 0; y < rows; y++) {
                System.arraycopy(cr, y * ec, re, y * cols, cols);
                System.arraycopy(ci, y * ec, im, y * cols, cols);
            }
            out.add(new WaveField(rows, cols, w.rowSpacingM(), w.colSpacingM(), w.frequencyHz(), re, im,
                    w.noisePower()));
        }
        return out;
    }
}
