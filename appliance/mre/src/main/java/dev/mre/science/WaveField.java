// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/**
 * The filtered complex first-harmonic wave image of one slice, in radians of phase.
 *
 * <p>Exists as the hand-over between wave extraction and the inversions, so that every inversion
 * and the confidence map see the same field. Convention: displacement u(t) = Re(U e^{+i w t});
 * an outgoing cylindrical wave is H0^(2)(k r). Arrays are row-major and not copied.
 *
 * @param rows          image rows
 * @param cols          image columns
 * @param rowSpacingM   distance between rows, metres
 * @param colSpacingM   distance between columns, metres
 * @param frequencyHz   driver frequency, Hz
 * @param re            Re U
 * @param im            Im U
 * @param noisePower    expected |noise|^2 of U at each pixel (same filtering as U), rad^2
 */
public record WaveField(int rows, int cols, double rowSpacingM, double colSpacingM, double frequencyHz,
                        double[] re, double[] im, double[] noisePower) {

    public WaveField {
        int n = rows * cols;
        if (re.length != n || im.length != n || (noisePower != null && noisePower.length != n)) {
            throw new IllegalArgumentException("wave field arrays must hold " + rows + "x" + cols + " pixels");
        }
    }

    /** A noise-free field (noise power zero everywhere), e.g. for analytic tests. */
    public static WaveField noiseFree(int rows, int cols, double rowSpacingM, double colSpacingM,
                                      double frequencyHz, double[] re, double[] im) {
        return new WaveField(rows, cols, rowSpacingM, colSpacingM, frequencyHz, re, im, new double[rows * cols]);
    }

    /** Angular driver frequency, rad/s. */
    public double omega() {
        return 2 * Math.PI * frequencyHz;
    }
}
