// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * ILU(0) of the complex-shifted operator A_beta = -div(G grad) - rho w^2 (1 - i beta): the
 * fallback preconditioner of {@link WaveSolver} for media where the multigrid V-cycle does not
 * help (anatomical slices, with air cavities and 100 kPa bone next to 0.4 kPa blood). For a
 * 5-point stencil in natural order ILU(0) only changes the diagonal:
 * d_k = a_kk - c_west^2 / d_{k-1} - c_south^2 / d_{k-nx}; M = (D+L) D^-1 (D+U), two sweeps per use.
 */
final class ShiftedIlu implements Preconditioner {
    private final HelmholtzOperator op;
    private final double[] invD;

    ShiftedIlu(HelmholtzOperator op, double beta) {
        this.op = op;
        int nx = op.nx;
        int n = op.size();
        invD = new double[2 * n];
        double[] t = new double[2];
        for (int k = 0; k < n; k++) {
            int k2 = 2 * k;
            double dr = op.diag[k2];
            double di = op.diag[k2 + 1];
            if (op.solid[k]) {
                dr += -beta * op.mass[k2 + 1];
                di += beta * op.mass[k2];
            }
            if (k % nx > 0) {
                double cr = op.east[k2 - 2];
                double ci = op.east[k2 - 1];
                Cx.mul(cr, ci, cr, ci, t);
                Cx.mul(t[0], t[1], invD[k2 - 2], invD[k2 - 1], t);
                dr -= t[0];
                di -= t[1];
            }
            if (k >= nx) {
                int j = k2 - 2 * nx;
                double cr = op.north[j];
                double ci = op.north[j + 1];
                Cx.mul(cr, ci, cr, ci, t);
                Cx.mul(t[0], t[1], invD[j], invD[j + 1], t);
                dr -= t[0];
                di -= t[1];
            }
            Cx.div(1.0, 0.0, dr, di, t);
            invD[k2] = t[0];
            invD[k2 + 1] = t[1];
        }
    }

    @Override
    public void solve(double[] r, double[] z) {
        int nx = op.nx;
        int ny = op.ny;
        double[] east = op.east;
        double[] north = op.north;
        for (int row = 0; row < ny; row++) {
            for (int x = 0; x < nx; x++) {
                int k2 = 2 * (row * nx + x);
                double sr = r[k2];
                double si = r[k2 + 1];
                if (x > 0) {
                    double cr = east[k2 - 2];
                    double ci = east[k2 - 1];
                    sr += cr * z[k2 - 2] - ci * z[k2 - 1];
                    si += cr * z[k2 - 1] + ci * z[k2 - 2];
                }
                if (row > 0) {
                    int j = k2 - 2 * nx;
                    double cr = north[j];
                    double ci = north[j + 1];
                    sr += cr * z[j] - ci * z[j + 1];
                    si += cr * z[j + 1] + ci * z[j];
                }
                double ir = invD[k2];
                double ii = invD[k2 + 1];
                z[k2] = sr * ir - si * ii;
                z[k2 + 1] = sr * ii + si * ir;
            }
        }
        for (int row = ny - 1; row >= 0; row--) {
            for (int x = nx - 1; x >= 0; x--) {
                int k2 = 2 * (row * nx + x);
                double sr = 0;
                double si = 0;
                if (x < nx - 1) {
                    double cr = east[k2];
                    double ci = east[k2 + 1];
                    sr += cr * z[k2 + 2] - ci * z[k2 + 3];
                    si += cr * z[k2 + 3] + ci * z[k2 + 2];
                }
                if (row < ny - 1) {
                    int j = k2 + 2 * nx;
                    double cr = north[k2];
                    double ci = north[k2 + 1];
                    sr += cr * z[j] - ci * z[j + 1];
                    si += cr * z[j + 1] + ci * z[j];
                }
                double ir = invD[k2];
                double ii = invD[k2 + 1];
                z[k2] += sr * ir - si * ii;
                z[k2 + 1] += sr * ii + si * ir;
            }
        }
    }
}
