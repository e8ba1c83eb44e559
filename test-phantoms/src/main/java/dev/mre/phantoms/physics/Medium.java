// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * The viscoelastic material of one 2D slice, sampled at pixel centres: complex shear modulus
 * G* = G' + iG'' (Pa), density (kg/m3) and a solid mask. It exists so the wave solver sees one
 * immutable description of the tissue, whatever phantom produced it.
 *
 * <p>Pixels with {@code solid[k] == false} are air: the displacement there is zero and no shear
 * stress crosses the face between air and tissue, which is the traction-free body surface.
 *
 * @param nx columns (x, left to right)
 * @param ny rows (y, top = anterior to bottom = posterior)
 * @param dx column spacing in metres
 * @param dy row spacing in metres
 * @param storage G' in Pa, row-major ({@code k = y * nx + x})
 * @param loss G'' in Pa (positive = dissipative in the e^{+iwt} convention)
 * @param density kg/m3 per pixel
 * @param solid false where the pixel is air (no shear waves)
 */
public record Medium(int nx, int ny, double dx, double dy, double[] storage, double[] loss,
                     double[] density, boolean[] solid) {

    /** Water-like soft tissue density used throughout MRE (kg/m3). */
    public static final double TISSUE_DENSITY = 1000.0;

    public Medium {
        int n = nx * ny;
        if (nx < 3 || ny < 3 || storage.length != n || loss.length != n || density.length != n
                || solid.length != n) {
            throw new IllegalArgumentException("medium arrays must all hold nx*ny = " + n + " values");
        }
        if (!(dx > 0) || !(dy > 0)) {
            throw new IllegalArgumentException("pixel spacing must be positive");
        }
    }

    /** A homogeneous solid slab of complex modulus {@code gRe + i gIm} filling the whole grid. */
    public static Medium homogeneous(int nx, int ny, double dx, double dy, double gRe, double gIm) {
        int n = nx * ny;
        double[] re = new double[n];
        double[] im = new double[n];
        double[] rho = new double[n];
        boolean[] solid = new boolean[n];
        java.util.Arrays.fill(re, gRe);
        java.util.Arrays.fill(im, gIm);
        java.util.Arrays.fill(rho, TISSUE_DENSITY);
        java.util.Arrays.fill(solid, true);
        return new Medium(nx, ny, dx, dy, re, im, rho, solid);
    }

    /** Largest shear wave speed sqrt(|G*|/rho) over solid pixels (m/s). */
    public double maxShearSpeed() {
        double c = 0;
        for (int k = 0; k < storage.length; k++) {
            if (solid[k]) {
                c = Math.max(c, Math.sqrt(Math.hypot(storage[k], loss[k]) / density[k]));
            }
        }
        return c;
    }
}
