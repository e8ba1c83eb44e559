// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * One multigrid V-cycle on the complex-shifted operator A_beta = -div(G grad) - rho w^2 (1 - i beta)
 * as the preconditioner of BiCGSTAB: the "complex shifted Laplacian" of Erlangga, Oosterlee and
 * Vuik (2006), which standard multigrid can invert because the shift damps the modes a coarse grid
 * cannot resolve. Needed because ILU(0) alone leaves the elliptic part (stiff tissue, waves of
 * 30-40 pixels) badly conditioned: thousands of iterations at 12 kPa.
 *
 * <p>Vertex-centred coarsening (coarse node I = fine node 2I), coarse face coefficients from the
 * series (harmonic) combination of the two fine faces they span (keeps air faces at zero and
 * layered media exact), mass injected, bilinear prolongation, full-weighting restriction,
 * symmetric Gauss-Seidel smoothing (forward before, backward after), and many sweeps on a
 * coarsest grid of at most 16 nodes a side.
 */
final class ShiftedMultigrid implements Preconditioner {
    private final Level[] levels;
    private final int pre;
    private final int post;

    /** One grid of the hierarchy: the 5-point stencil and work vectors. */
    private static final class Level {
        final int nx;
        final int ny;
        final double[] diag;
        final double[] east;
        final double[] north;
        final double[] u;
        final double[] f;
        final double[] r;

        Level(int nx, int ny) {
            this.nx = nx;
            this.ny = ny;
            int n2 = 2 * nx * ny;
            diag = new double[n2];
            east = new double[n2];
            north = new double[n2];
            u = new double[n2];
            f = new double[n2];
            r = new double[n2];
        }
    }

    ShiftedMultigrid(HelmholtzOperator op, double beta, int pre, int post) {
        this.pre = pre;
        this.post = post;
        java.util.List<Level> list = new java.util.ArrayList<>();
        Level fine = new Level(op.nx, op.ny);
        double[] mass = new double[op.diag.length];
        for (int k = 0; k < op.size(); k++) {
            int k2 = 2 * k;
            fine.east[k2] = op.east[k2];
            fine.east[k2 + 1] = op.east[k2 + 1];
            fine.north[k2] = op.north[k2];
            fine.north[k2 + 1] = op.north[k2 + 1];
            if (op.solid[k]) {
                mass[k2] = op.mass[k2] + beta * op.mass[k2 + 1];
                mass[k2 + 1] = op.mass[k2 + 1] - beta * op.mass[k2];
            }
        }
        boolean[] solid = op.solid.clone();
        fillDiag(fine, mass, solid);
        list.add(fine);
        Level cur = fine;
        while (Math.min(cur.nx, cur.ny) > 16) {
            int cx = (cur.nx + 1) / 2;
            int cy = (cur.ny + 1) / 2;
            Level c = new Level(cx, cy);
            double[] cm = new double[2 * cx * cy];
            boolean[] cs = new boolean[cx * cy];
            double[] t = new double[2];
            for (int y = 0; y < cy; y++) {
                for (int x = 0; x < cx; x++) {
                    int kc = y * cx + x;
                    int kf = 2 * y * cur.nx + 2 * x;
                    cs[kc] = solid[kf];
                    cm[2 * kc] = mass[2 * kf];
                    cm[2 * kc + 1] = mass[2 * kf + 1];
                    if (x + 1 < cx && 2 * x + 2 < cur.nx) {
                        series(cur.east, kf, kf + 1, c.east, kc, t);
                    }
                    if (y + 1 < cy && 2 * y + 2 < cur.ny) {
                        series(cur.north, kf, kf + cur.nx, c.north, kc, t);
                    }
                }
            }
            fillDiag(c, cm, cs);
            list.add(c);
            cur = c;
            mass = cm;
            solid = cs;
        }
        levels = list.toArray(new Level[0]);
    }

    /** Coarse coefficient = (c1 c2 / (c1 + c2)) / 2: two faces in series at twice the spacing. */
    private static void series(double[] fineC, int a, int b, double[] out, int kc, double[] t) {
        double ar = fineC[2 * a];
        double ai = fineC[2 * a + 1];
        double br = fineC[2 * b];
        double bi = fineC[2 * b + 1];
        if ((ar == 0 && ai == 0) || (br == 0 && bi == 0)) {
            return;
        }
        Cx.mul(ar, ai, br, bi, t);
        double pr = t[0];
        double pi = t[1];
        Cx.div(pr, pi, ar + br, ai + bi, t);
        out[2 * kc] = 0.5 * t[0];
        out[2 * kc + 1] = 0.5 * t[1];
    }

    private static void fillDiag(Level l, double[] mass, boolean[] solid) {
        int nx = l.nx;
        for (int k = 0; k < nx * l.ny; k++) {
            int k2 = 2 * k;
            if (!solid[k]) {
                l.diag[k2] = 1;
                continue;
            }
            double re = -mass[k2] + l.east[k2] + l.north[k2];
            double im = -mass[k2 + 1] + l.east[k2 + 1] + l.north[k2 + 1];
            if (k % nx > 0) {
                re += l.east[k2 - 2];
                im += l.east[k2 - 1];
            }
            if (k >= nx) {
                re += l.north[k2 - 2 * nx];
                im += l.north[k2 - 2 * nx + 1];
            }
            l.diag[k2] = re;
            l.diag[k2 + 1] = im;
        }
    }

    @Override
    public void solve(double[] r, double[] z) {
        Level fine = levels[0];
        System.arraycopy(r, 0, fine.f, 0, r.length);
        java.util.Arrays.fill(fine.u, 0);
        cycle(0);
        System.arraycopy(fine.u, 0, z, 0, z.length);
    }

    private void cycle(int li) {
        Level l = levels[li];
        if (li == levels.length - 1) {
            for (int s = 0; s < 40; s++) {
                gaussSeidel(l, true);
                gaussSeidel(l, false);
            }
            return;
        }
        for (int s = 0; s < pre; s++) {
            gaussSeidel(l, true);
        }
        residual(l);
        Level c = levels[li + 1];
        restrict(l, c);
        java.util.Arrays.fill(c.u, 0);
        cycle(li + 1);
        prolongAdd(c, l);
        for (int s = 0; s < post; s++) {
            gaussSeidel(l, false);
        }
    }

    /** One lexicographic Gauss-Seidel sweep, forward or backward. */
    private static void gaussSeidel(Level l, boolean forward) {
        int nx = l.nx;
        int ny = l.ny;
        double[] u = l.u;
        for (int yy = 0; yy < ny; yy++) {
            int y = forward ? yy : ny - 1 - yy;
            for (int xx = 0; xx < nx; xx++) {
                int x = forward ? xx : nx - 1 - xx;
                int k2 = 2 * (y * nx + x);
                double sr = l.f[k2];
                double si = l.f[k2 + 1];
                if (x + 1 < nx) {
                    double cr = l.east[k2];
                    double ci = l.east[k2 + 1];
                    sr += cr * u[k2 + 2] - ci * u[k2 + 3];
                    si += cr * u[k2 + 3] + ci * u[k2 + 2];
                }
                if (x > 0) {
                    double cr = l.east[k2 - 2];
                    double ci = l.east[k2 - 1];
                    sr += cr * u[k2 - 2] - ci * u[k2 - 1];
                    si += cr * u[k2 - 1] + ci * u[k2 - 2];
                }
                if (y + 1 < ny) {
                    int j = k2 + 2 * nx;
                    double cr = l.north[k2];
                    double ci = l.north[k2 + 1];
                    sr += cr * u[j] - ci * u[j + 1];
                    si += cr * u[j + 1] + ci * u[j];
                }
                if (y > 0) {
                    int j = k2 - 2 * nx;
                    double cr = l.north[j];
                    double ci = l.north[j + 1];
                    sr += cr * u[j] - ci * u[j + 1];
                    si += cr * u[j + 1] + ci * u[j];
                }
                double dr = l.diag[k2];
                double di = l.diag[k2 + 1];
                double den = dr * dr + di * di;
                u[k2] = (sr * dr + si * di) / den;
                u[k2 + 1] = (si * dr - sr * di) / den;
            }
        }
    }

    private static void residual(Level l) {
        int nx = l.nx;
        int ny = l.ny;
        double[] u = l.u;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int k2 = 2 * (y * nx + x);
                double ar = l.diag[k2] * u[k2] - l.diag[k2 + 1] * u[k2 + 1];
                double ai = l.diag[k2] * u[k2 + 1] + l.diag[k2 + 1] * u[k2];
                if (x + 1 < nx) {
                    ar -= l.east[k2] * u[k2 + 2] - l.east[k2 + 1] * u[k2 + 3];
                    ai -= l.east[k2] * u[k2 + 3] + l.east[k2 + 1] * u[k2 + 2];
                }
                if (x > 0) {
                    ar -= l.east[k2 - 2] * u[k2 - 2] - l.east[k2 - 1] * u[k2 - 1];
                    ai -= l.east[k2 - 2] * u[k2 - 1] + l.east[k2 - 1] * u[k2 - 2];
                }
                if (y + 1 < ny) {
                    int j = k2 + 2 * nx;
                    ar -= l.north[k2] * u[j] - l.north[k2 + 1] * u[j + 1];
                    ai -= l.north[k2] * u[j + 1] + l.north[k2 + 1] * u[j];
                }
                if (y > 0) {
                    int j = k2 - 2 * nx;
                    ar -= l.north[j] * u[j] - l.north[j + 1] * u[j + 1];
                    ai -= l.north[j] * u[j + 1] + l.north[j + 1] * u[j];
                }
                l.r[k2] = l.f[k2] - ar;
                l.r[k2 + 1] = l.f[k2 + 1] - ai;
            }
        }
    }

    /** Full weighting (1/16 [1 2 1; 2 4 2; 1 2 1], renormalised at edges): equations are per unit area on every grid. */
    private static void restrict(Level f, Level c) {
        for (int y = 0; y < c.ny; y++) {
            for (int x = 0; x < c.nx; x++) {
                double sr = 0;
                double si = 0;
                double wsum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int fy = 2 * y + dy;
                    if (fy < 0 || fy >= f.ny) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int fx = 2 * x + dx;
                        if (fx < 0 || fx >= f.nx) {
                            continue;
                        }
                        double w = (2 - Math.abs(dx)) * (2 - Math.abs(dy));
                        int k2 = 2 * (fy * f.nx + fx);
                        sr += w * f.r[k2];
                        si += w * f.r[k2 + 1];
                        wsum += w;
                    }
                }
                int kc = 2 * (y * c.nx + x);
                c.f[kc] = sr / wsum;
                c.f[kc + 1] = si / wsum;
            }
        }
    }

    /** Bilinear interpolation of the coarse correction, added to the fine iterate. */
    private static void prolongAdd(Level c, Level f) {
        for (int y = 0; y < f.ny; y++) {
            int y0 = Math.min(y / 2, c.ny - 1);
            int y1 = Math.min((y + 1) / 2, c.ny - 1);
            for (int x = 0; x < f.nx; x++) {
                int x0 = Math.min(x / 2, c.nx - 1);
                int x1 = Math.min((x + 1) / 2, c.nx - 1);
                int a = 2 * (y0 * c.nx + x0);
                int b = 2 * (y0 * c.nx + x1);
                int cc = 2 * (y1 * c.nx + x0);
                int d = 2 * (y1 * c.nx + x1);
                int k2 = 2 * (y * f.nx + x);
                f.u[k2] += 0.25 * (c.u[a] + c.u[b] + c.u[cc] + c.u[d]);
                f.u[k2 + 1] += 0.25 * (c.u[a + 1] + c.u[b + 1] + c.u[cc + 1] + c.u[d + 1]);
            }
        }
    }
}
