// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * Right-preconditioned BiCGSTAB (van der Vorst 1992) for complex non-Hermitian systems on
 * interleaved re/im arrays. Right preconditioning keeps r the true residual, so the stopping test
 * is on ||b - Au|| itself. Sequential sums in fixed order: bit-identical results per input.
 */
final class Bicgstab {
    private Bicgstab() {
    }

    /** Result of one solve. */
    record Outcome(int iterations, double relativeResidual, boolean converged, double bestResidual,
                   double[] bestIterate) {
        Outcome(int iterations, double relativeResidual, boolean converged) {
            this(iterations, relativeResidual, converged, relativeResidual, null);
        }
    }

    static Outcome solve(HelmholtzOperator a, Preconditioner m, double[] b, double[] x, double tol, int maxIt) {
        return solve(a, m, b, x, tol, maxIt, false);
    }

    /** As above; with {@code trackBest} the outcome carries the iterate of smallest residual. */
    static Outcome solve(HelmholtzOperator a, Preconditioner m, double[] b, double[] x, double tol, int maxIt,
                         boolean trackBest) {
        int n2 = b.length;
        double[] r = new double[n2];
        double[] rHat = new double[n2];
        double[] p = new double[n2];
        double[] v = new double[n2];
        double[] pHat = new double[n2];
        double[] s = new double[n2];
        double[] sHat = new double[n2];
        double[] t = new double[n2];
        a.apply(x, r);
        for (int i = 0; i < n2; i++) {
            r[i] = b[i] - r[i];
        }
        System.arraycopy(r, 0, rHat, 0, n2);
        double bNorm = Math.sqrt(dotRe(b, b));
        if (bNorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new Outcome(0, 0, true);
        }
        double[] rho = {1, 0};
        double[] alpha = {1, 0};
        double[] omega = {1, 0};
        double[] tmp = new double[2];
        double res = Math.sqrt(dotRe(r, r)) / bNorm;
        double bestRes = res;
        double[] best = trackBest ? x.clone() : null;
        for (int it = 1; it <= maxIt; it++) {
            double[] rhoNew = dot(rHat, r);
            // beta = (rhoNew / rho) * (alpha / omega)
            double[] beta = new double[2];
            Cx.div(rhoNew[0], rhoNew[1], rho[0], rho[1], tmp);
            Cx.div(alpha[0], alpha[1], omega[0], omega[1], beta);
            Cx.mul(tmp[0], tmp[1], beta[0], beta[1], beta);
            rho = rhoNew;
            // p = r + beta (p - omega v)
            for (int i = 0; i < n2; i += 2) {
                double qr = p[i] - (omega[0] * v[i] - omega[1] * v[i + 1]);
                double qi = p[i + 1] - (omega[0] * v[i + 1] + omega[1] * v[i]);
                p[i] = r[i] + beta[0] * qr - beta[1] * qi;
                p[i + 1] = r[i + 1] + beta[0] * qi + beta[1] * qr;
            }
            m.solve(p, pHat);
            a.apply(pHat, v);
            double[] rv = dot(rHat, v);
            Cx.div(rho[0], rho[1], rv[0], rv[1], alpha);
            for (int i = 0; i < n2; i += 2) {
                s[i] = r[i] - (alpha[0] * v[i] - alpha[1] * v[i + 1]);
                s[i + 1] = r[i + 1] - (alpha[0] * v[i + 1] + alpha[1] * v[i]);
            }
            m.solve(s, sHat);
            a.apply(sHat, t);
            double[] ts = dot(t, s);
            double tt = dotRe(t, t);
            omega = new double[] {ts[0] / tt, ts[1] / tt};
            for (int i = 0; i < n2; i += 2) {
                x[i] += alpha[0] * pHat[i] - alpha[1] * pHat[i + 1]
                        + omega[0] * sHat[i] - omega[1] * sHat[i + 1];
                x[i + 1] += alpha[0] * pHat[i + 1] + alpha[1] * pHat[i]
                        + omega[0] * sHat[i + 1] + omega[1] * sHat[i];
                r[i] = s[i] - (omega[0] * t[i] - omega[1] * t[i + 1]);
                r[i + 1] = s[i + 1] - (omega[0] * t[i + 1] + omega[1] * t[i]);
            }
            res = Math.sqrt(dotRe(r, r)) / bNorm;
            if (res < tol) {
                return new Outcome(it, res, true, res, null);
            }
            if (trackBest && res < bestRes) {
                bestRes = res;
                System.arraycopy(x, 0, best, 0, x.length);
            }
            if (tt == 0 || (omega[0] == 0 && omega[1] == 0) || !Double.isFinite(res)) {
                return new Outcome(it, res, false, bestRes, best);
            }
        }
        return new Outcome(maxIt, res, false, bestRes, best);
    }

    /** sum conj(a) b. */
    private static double[] dot(double[] a, double[] b) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < a.length; i += 2) {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return new double[] {re, im};
    }

    private static double dotRe(double[] a, double[] b) {
        double re = 0;
        for (int i = 0; i < a.length; i++) {
            re += a[i] * b[i];
        }
        return re;
    }
}
