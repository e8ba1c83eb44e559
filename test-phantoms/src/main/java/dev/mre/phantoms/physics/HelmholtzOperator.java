// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * The discrete operator A u = -div(G* grad u) - rho w^2 u on the medium grid padded by a PML,
 * as a conservative 5-point stencil. It exists so the solver, the preconditioner and tests share
 * one assembly of the physics.
 *
 * <p>Flux form: the coefficient of the face between two pixels is the harmonic mean of their
 * complex moduli (exact for a layered 1D medium, and zero when either side is air, which makes the
 * body surface traction-free). The PML uses complex coordinate stretching s(x) = 1 - i sigma(x)/w
 * (outgoing waves e^{-ikx} decay for the e^{+iwt} convention), with the stretched equation
 * d/dx(G s_y/s_x du/dx) + d/dy(G s_x/s_y du/dy) + s_x s_y rho w^2 u = -s_x s_y f and a quadratic
 * sigma profile sized for the design reflection. The outer edge of the PML is zero-flux.
 *
 * <p>Storage is interleaved re/im: {@code east[2k]} is the coefficient c of the face between
 * padded pixel k and k+1, {@code north[2k]} between k and k+nx ("north" = next row); the matrix
 * entries are {@code A[k][k] = diag[k]}, {@code A[k][nb] = -c}. A is complex symmetric.
 */
final class HelmholtzOperator {
    final int nx;
    final int ny;
    final int pad;
    final double[] diag;
    final double[] east;
    final double[] north;
    /** s_x s_y rho w^2 per padded pixel (re/im), the mass term; used by the shifted preconditioner. */
    final double[] mass;
    /** s_x s_y per padded pixel (re/im), to scale the source. */
    final double[] stretch;
    final boolean[] solid;

    private HelmholtzOperator(int nx, int ny, int pad) {
        this.nx = nx;
        this.ny = ny;
        this.pad = pad;
        int n = nx * ny;
        diag = new double[2 * n];
        east = new double[2 * n];
        north = new double[2 * n];
        mass = new double[2 * n];
        stretch = new double[2 * n];
        solid = new boolean[n];
    }

    static HelmholtzOperator assemble(Medium m, SolverConfig cfg) {
        // a body surrounded by air needs no PML: nothing reaches the grid edge
        return assemble(m, cfg, airBorder(m) ? 0 : cfg.pmlCells());
    }

    static HelmholtzOperator assemble(Medium m, SolverConfig cfg, int pad) {
        int nx = m.nx() + 2 * pad;
        int ny = m.ny() + 2 * pad;
        HelmholtzOperator op = new HelmholtzOperator(nx, ny, pad);
        double w = cfg.omega();
        double c = Math.max(m.maxShearSpeed(), 1e-3);
        // Stretching at cell centres (index i) and at faces (index i + 1/2), per axis.
        double[] sxC = stretch(nx, pad, m.dx(), c, w, cfg.pmlReflection(), 0.0);
        double[] sxF = stretch(nx, pad, m.dx(), c, w, cfg.pmlReflection(), 0.5);
        double[] syC = stretch(ny, pad, m.dy(), c, w, cfg.pmlReflection(), 0.0);
        double[] syF = stretch(ny, pad, m.dy(), c, w, cfg.pmlReflection(), 0.5);
        double[] g = new double[2 * nx * ny];
        double[] rho = new double[nx * ny];
        for (int y = 0; y < ny; y++) {
            int sy = Math.min(Math.max(y - pad, 0), m.ny() - 1);
            for (int x = 0; x < nx; x++) {
                int sx = Math.min(Math.max(x - pad, 0), m.nx() - 1);
                int src = sy * m.nx() + sx;
                int k = y * nx + x;
                op.solid[k] = m.solid()[src];
                g[2 * k] = m.storage()[src];
                g[2 * k + 1] = m.loss()[src];
                rho[k] = m.density()[src];
            }
        }
        double idx2 = 1.0 / (m.dx() * m.dx());
        double idy2 = 1.0 / (m.dy() * m.dy());
        double[] t = new double[2];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int k = y * nx + x;
                // s_x * s_y at the centre
                Cx.mul(sxC[2 * x], sxC[2 * x + 1], syC[2 * y], syC[2 * y + 1], t);
                op.stretch[2 * k] = t[0];
                op.stretch[2 * k + 1] = t[1];
                op.mass[2 * k] = t[0] * rho[k] * w * w;
                op.mass[2 * k + 1] = t[1] * rho[k] * w * w;
                if (x + 1 < nx) {
                    faceCoefficient(op, g, k, k + 1, syC, 2 * y, sxF, 2 * x, idx2, op.east, t);
                }
                if (y + 1 < ny) {
                    faceCoefficient(op, g, k, k + nx, sxC, 2 * x, syF, 2 * y, idy2, op.north, t);
                }
            }
        }
        for (int k = 0; k < nx * ny; k++) {
            if (!op.solid[k]) {
                op.diag[2 * k] = 1.0;
                continue;
            }
            double re = -op.mass[2 * k];
            double im = -op.mass[2 * k + 1];
            re += op.east[2 * k];
            im += op.east[2 * k + 1];
            re += op.north[2 * k];
            im += op.north[2 * k + 1];
            if (k % nx > 0) {
                re += op.east[2 * (k - 1)];
                im += op.east[2 * (k - 1) + 1];
            }
            if (k >= nx) {
                re += op.north[2 * (k - nx)];
                im += op.north[2 * (k - nx) + 1];
            }
            op.diag[2 * k] = re;
            op.diag[2 * k + 1] = im;
        }
        return op;
    }

    private static boolean airBorder(Medium m) {
        for (int x = 0; x < m.nx(); x++) {
            if (m.solid()[x] || m.solid()[(m.ny() - 1) * m.nx() + x]) {
                return false;
            }
        }
        for (int y = 0; y < m.ny(); y++) {
            if (m.solid()[y * m.nx()] || m.solid()[y * m.nx() + m.nx() - 1]) {
                return false;
            }
        }
        return true;
    }

    /** c = harmonicMean(G_a, G_b) * sAlong / sAcross / h^2, zero if either side is air. */
    private static void faceCoefficient(HelmholtzOperator op, double[] g, int a, int b, double[] sAlong,
                                        int ia, double[] sAcross, int ic, double ih2, double[] out, double[] t) {
        if (!op.solid[a] || !op.solid[b]) {
            return;
        }
        double ar = g[2 * a];
        double ai = g[2 * a + 1];
        double br = g[2 * b];
        double bi = g[2 * b + 1];
        // 2 G_a G_b / (G_a + G_b)
        Cx.mul(ar, ai, br, bi, t);
        double pr = 2 * t[0];
        double pi = 2 * t[1];
        Cx.div(pr, pi, ar + br, ai + bi, t);
        double hr = t[0];
        double hi = t[1];
        Cx.div(sAlong[ia], sAlong[ia + 1], sAcross[ic], sAcross[ic + 1], t);
        Cx.mul(hr, hi, t[0], t[1], t);
        out[2 * a] = t[0] * ih2;
        out[2 * a + 1] = t[1] * ih2;
    }

    /**
     * s(i + offset) = 1 - i sigma/w for positions along one padded axis, with quadratic
     * sigma = sigmaMax (d/L)^2 inside the PML, sigmaMax = 3 c ln(1/R) / (2 L).
     */
    static double[] stretch(int n, int pad, double h, double c, double w, double reflection, double offset) {
        double[] s = new double[2 * n];
        double length = pad * h;
        double sigmaMax = pad == 0 ? 0 : 3.0 * c * Math.log(1.0 / reflection) / (2.0 * length);
        int inner0 = pad;
        int inner1 = n - pad - 1;
        for (int i = 0; i < n; i++) {
            double pos = i + offset;
            double depth = 0;
            if (pos < inner0) {
                depth = (inner0 - pos) * h;
            } else if (pos > inner1) {
                depth = (pos - inner1) * h;
            }
            double d = pad == 0 ? 0 : Math.min(depth / length, 1.0);
            s[2 * i] = 1.0;
            s[2 * i + 1] = -sigmaMax * d * d / w;
        }
        return s;
    }

    int size() {
        return nx * ny;
    }

    /** y = A u (interleaved complex); loops by row so no pixel needs a division to find its column. */
    void apply(double[] u, double[] y) {
        for (int row = 0; row < ny; row++) {
            boolean hasSouth = row > 0;
            boolean hasNorth = row < ny - 1;
            int base = row * nx;
            for (int x = 0; x < nx; x++) {
                int k2 = 2 * (base + x);
                double ur = u[k2];
                double ui = u[k2 + 1];
                double yr = diag[k2] * ur - diag[k2 + 1] * ui;
                double yi = diag[k2] * ui + diag[k2 + 1] * ur;
                if (x < nx - 1) {
                    double cr = east[k2];
                    double ci = east[k2 + 1];
                    yr -= cr * u[k2 + 2] - ci * u[k2 + 3];
                    yi -= cr * u[k2 + 3] + ci * u[k2 + 2];
                }
                if (x > 0) {
                    double cr = east[k2 - 2];
                    double ci = east[k2 - 1];
                    yr -= cr * u[k2 - 2] - ci * u[k2 - 1];
                    yi -= cr * u[k2 - 1] + ci * u[k2 - 2];
                }
                if (hasNorth) {
                    int j = k2 + 2 * nx;
                    double cr = north[k2];
                    double ci = north[k2 + 1];
                    yr -= cr * u[j] - ci * u[j + 1];
                    yi -= cr * u[j + 1] + ci * u[j];
                }
                if (hasSouth) {
                    int j = k2 - 2 * nx;
                    double cr = north[j];
                    double ci = north[j + 1];
                    yr -= cr * u[j] - ci * u[j + 1];
                    yi -= cr * u[j + 1] + ci * u[j];
                }
                y[k2] = yr;
                y[k2 + 1] = yi;
            }
        }
    }
}
