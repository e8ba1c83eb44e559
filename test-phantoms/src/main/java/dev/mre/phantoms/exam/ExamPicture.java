// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import dev.mre.phantoms.acquisition.MreAcquisition;
import dev.mre.phantoms.anatomy.Tissue;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A quick-look PNG of one slice: magnitude (first phase offset), wave image (real part of the
 * true first harmonic, blue-white-red, square-root compressed symmetric scale saturating at three
 * times the median amplitude of the liver, or of the phantom's tissue without liver) and true
 * |G*| (0-8 kPa, dark to bright "hot" scale), side by side. For the README demo and the
 * physicist's eye; never an input.
 */
public final class ExamPicture {
    private ExamPicture() {
    }

    public static void write(Exam exam, int sliceIndex, Path png) throws IOException {
        ExamSlice s = exam.slices().get(sliceIndex);
        int nx = s.truth().nx();
        int ny = s.truth().ny();
        BufferedImage img = new BufferedImage(3 * nx + 8, ny, BufferedImage.TYPE_INT_RGB);
        float[] mag = s.images().magnitude()[0];
        double magMax = 0;
        for (int k = 0; k < nx * ny; k++) {
            magMax = Math.max(magMax, mag[k]);
        }
        // symmetric, 3x the median amplitude of the reference region (liver, or the phantom's
        // tissue), square-root compressed: the wave decays by orders of magnitude from the driver,
        // and a scale set by the maximum would show only the driver's patch
        double median = MreAcquisition.medianReferenceAmplitude(s.truth(), s.images().waveUm());
        double waveScale = median > 0 ? 3 * median : 1;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int k = y * nx + x;
                int g = clamp(mag[k] / magMax);
                img.setRGB(x, y, rgb(g, g, g));
                double w = s.truth().tissue(k).solid() ? s.images().waveUm()[2 * k] / waveScale : 0;
                w = Math.signum(w) * Math.sqrt(Math.min(1, Math.abs(w)));
                int a = clamp(1 - Math.abs(w));
                img.setRGB(nx + 4 + x, y, w >= 0 ? rgb(255, a, a) : rgb(a, a, 255));
                Tissue t = s.truth().tissue(k);
                double e = t.solid() && t != Tissue.TABLE ? s.truth().modulusKPa(k) / 8.0 : 0;
                img.setRGB(2 * nx + 8 + x, y, rgb(clamp(3 * e), clamp(3 * e - 1), clamp(3 * e - 2)));
            }
        }
        ImageIO.write(img, "png", png.toFile());
    }

    private static int clamp(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }
}
