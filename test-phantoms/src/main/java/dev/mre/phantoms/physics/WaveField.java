// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * The complex first-harmonic displacement u(x, y) (metres per unit source) on the medium grid,
 * interleaved {@code re, im} per pixel, plus how the solver got there. Physical displacement at
 * time t is Re(u e^{+i w t}).
 *
 * @param nx columns
 * @param ny rows
 * @param values interleaved re/im, length 2*nx*ny, row-major
 * @param iterations BiCGSTAB iterations used
 * @param relativeResidual final ||b - Au|| / ||b||
 */
public record WaveField(int nx, int ny, double[] values, int iterations, double relativeResidual) {

    public double re(int x, int y) {
        return values[2 * (y * nx + x)];
    }

    public double im(int x, int y) {
        return values[2 * (y * nx + x) + 1];
    }

    public double abs(int x, int y) {
        return Math.hypot(re(x, y), im(x, y));
    }

    /** Largest |u| over the grid. */
    public double maxAbs() {
        double m = 0;
        for (int k = 0; k < nx * ny; k++) {
            m = Math.max(m, Math.hypot(values[2 * k], values[2 * k + 1]));
        }
        return m;
    }
}
