// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * Solves the time-harmonic viscoelastic shear wave equation div(G* grad u) + rho w^2 u = -f on
 * one 2D slice (anti-plane shear: u is the through-plane displacement, exact for a medium uniform
 * through the slice). This is the physics of every phantom; analytic formulas are only its test
 * oracles.
 *
 * <p>Method: conservative 5-point finite differences ({@link HelmholtzOperator}) with a PML outside
 * the image grid, solved by right-preconditioned BiCGSTAB with one multigrid V-cycle of the
 * complex-shifted operator as preconditioner ({@link ShiftedMultigrid}). Chosen over a banded
 * direct LU (O(n nx^2), about 4e9 complex operations at 256x256) and over ILU(0) preconditioning,
 * which was measured at 117 iterations for 2 kPa tissue and over 1,000 for stiff, low-loss media
 * (the elliptic part of the operator needs multigrid). With the V-cycle, lossy liver tissue
 * converges in about 13 iterations. Media with air (the anatomical body in air, bowel gas) defeat
 * this simple geometric V-cycle; for them the V-cycle (shift 1.5) is built on a copy of the medium
 * whose air is a soft lossy pseudo-tissue, which preconditions the true operator in about 25
 * iterations. Shifted ILU(0) ({@link ShiftedIlu}) is the last resort if a V-cycle stalls. Pure and thread-safe: slices can be solved in parallel
 * without changing any bit.
 */
public final class WaveSolver {
    private WaveSolver() {
    }

    /**
     * @param medium the tissue
     * @param force  body force density f (N/m3 per unit drive), interleaved re/im on the medium
     *               grid; zero on air pixels
     * @param cfg    numerical settings
     * @return u on the medium grid (the PML is cropped away)
     * @throws IllegalStateException if BiCGSTAB does not reach the tolerance
     */
    public static WaveField solve(Medium medium, double[] force, SolverConfig cfg) {
        if (force.length != 2 * medium.nx() * medium.ny()) {
            throw new IllegalArgumentException("force must be interleaved complex on the medium grid");
        }
        HelmholtzOperator op = HelmholtzOperator.assemble(medium, cfg);
        int pad = op.pad;
        double[] b = new double[2 * op.size()];
        for (int y = 0; y < medium.ny(); y++) {
            for (int x = 0; x < medium.nx(); x++) {
                int s = y * medium.nx() + x;
                int k = (y + pad) * op.nx + x + pad;
                if (!op.solid[k]) {
                    continue;
                }
                double fr = force[2 * s];
                double fi = force[2 * s + 1];
                b[2 * k] = fr * op.stretch[2 * k] - fi * op.stretch[2 * k + 1];
                b[2 * k + 1] = fr * op.stretch[2 * k + 1] + fi * op.stretch[2 * k];
            }
        }
        Preconditioner mg = new ShiftedMultigrid(op, cfg.preconditionerShift(), 1, 1);
        double[] u = new double[2 * op.size()];
        boolean hasAir = false;
        for (boolean solid : medium.solid()) {
            hasAir |= !solid;
        }
        Bicgstab.Outcome out;
        if (hasAir) {
            // measured: the V-cycle of the operator itself does not converge with air cavities
            // (traction-free surfaces inside the grid), but the V-cycle of the same medium with
            // its air replaced by a 20+20i Pa pseudo-tissue preconditions it well: 24 iterations
            // per anatomical slice against 150-210 with ILU(0)
            Preconditioner filled = new ShiftedMultigrid(
                    HelmholtzOperator.assemble(airFilled(medium), cfg, op.pad), STRONG_SHIFT, 1, 1);
            out = restarted(op, filled, b, u, cfg, Math.min(MG_BUDGET, cfg.maxIterations()));
        } else {
            out = restarted(op, mg, b, u, cfg, Math.min(MG_BUDGET, cfg.maxIterations()));
        }
        if (!out.converged() && !hasAir) {
            // measured: a stronger shift rescues long thin or stiff, low-loss media (a 12 kPa strip
            // needs 112 iterations at beta 1.5 and does not converge at 0.8)
            int spent = out.iterations();
            Preconditioner strong = new ShiftedMultigrid(op, STRONG_SHIFT, 1, 1);
            java.util.Arrays.fill(u, 0);
            out = restarted(op, strong, b, u, cfg, Math.min(MG_BUDGET * 2, cfg.maxIterations() - spent));
            out = new Bicgstab.Outcome(spent + out.iterations(), out.relativeResidual(), out.converged());
        }
        if (!out.converged()) {
            // the V-cycle did not help (air cavities, bone): fall back to shifted ILU(0)
            java.util.Arrays.fill(u, 0);
            ShiftedIlu ilu = new ShiftedIlu(op, 0.5);
            int spent = out.iterations();
            out = restarted(op, ilu, b, u, cfg, cfg.maxIterations() - spent);
            out = new Bicgstab.Outcome(spent + out.iterations(), out.relativeResidual(), out.converged());
        }
        if (!out.converged()) {
            throw new IllegalStateException("BiCGSTAB stopped after " + out.iterations()
                    + " iterations at relative residual " + out.relativeResidual());
        }
        double[] crop = new double[2 * medium.nx() * medium.ny()];
        for (int y = 0; y < medium.ny(); y++) {
            int k = (y + pad) * op.nx + pad;
            System.arraycopy(u, 2 * k, crop, 2 * y * medium.nx(), 2 * medium.nx());
        }
        return new WaveField(medium.nx(), medium.ny(), crop, out.iterations(), out.relativeResidual());
    }

    /**
     * BiCGSTAB in cycles of {@value #CYCLE} iterations, each restarted from the best iterate so far:
     * BiCGSTAB's residual is not monotone and can break down on strongly heterogeneous media;
     * a restart from the best point recovers where one long run would wander off.
     */
    private static Bicgstab.Outcome restarted(HelmholtzOperator op, Preconditioner mg, double[] b, double[] u,
                                              SolverConfig cfg, int budget) {
        double[] best = u.clone();
        double bestRes = Double.POSITIVE_INFINITY;
        int total = 0;
        while (total < budget) {
            double[] x = best.clone();
            Bicgstab.Outcome o = Bicgstab.solve(op, mg, b, x, cfg.tolerance(),
                    Math.min(CYCLE, budget - total), true);
            total += o.iterations();
            if (o.bestResidual() < bestRes) {
                bestRes = o.bestResidual();
                best = o.bestIterate();
            }
            if (o.converged()) {
                System.arraycopy(x, 0, u, 0, u.length);
                return new Bicgstab.Outcome(total, o.relativeResidual(), true, 0, null);
            }
        }
        System.arraycopy(best, 0, u, 0, u.length);
        return new Bicgstab.Outcome(total, bestRes, false, 0, null);
    }

    private static final int CYCLE = 150;
    /** Modulus (Pa, as G' and as G'') standing in for air in the preconditioner of media with air. */
    private static final double AIR_SUBSTITUTE_PA = 20.0;

    private static Medium airFilled(Medium m) {
        double[] re = m.storage().clone();
        double[] im = m.loss().clone();
        double[] rho = m.density().clone();
        boolean[] solid = new boolean[re.length];
        for (int k = 0; k < re.length; k++) {
            solid[k] = true;
            if (!m.solid()[k]) {
                re[k] = AIR_SUBSTITUTE_PA;
                im[k] = AIR_SUBSTITUTE_PA;
                rho[k] = Medium.TISSUE_DENSITY;
            }
        }
        return new Medium(m.nx(), m.ny(), m.dx(), m.dy(), re, im, rho, solid);
    }
    /** Iterations granted to the multigrid preconditioner before falling back to ILU(0). */
    private static final int MG_BUDGET = 300;
    /** Preconditioner shift of the second multigrid attempt. */
    private static final double STRONG_SHIFT = 1.5;
}
