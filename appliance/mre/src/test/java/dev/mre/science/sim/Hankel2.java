// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.sim;

/**
 * Test helper: H0^(2)(z) = J0(z) - i Y0(z) for complex z with Re z > 0, the outgoing cylindrical
 * wave under the e^{+i w t} convention. Power series for |z| < 12, Hankel's asymptotic expansion
 * beyond (its error there is below 1e-12 relative).
 */
public final class Hankel2 {
    private static final double EULER_GAMMA = 0.5772156649015329;

    private Hankel2() {
    }

    /** {re, im} of H0^(2)(zr + i zi). */
    public static double[] h0(double zr, double zi) {
        if (Math.hypot(zr, zi) < 12) {
            return series(zr, zi);
        }
        return asymptotic(zr, zi);
    }

    private static double[] series(double zr, double zi) {
        // q = z^2 / 4
        double qr = (zr * zr - zi * zi) / 4;
        double qi = (2 * zr * zi) / 4;
        double tr = 1;
        double ti = 0;          // term (-q)^k / (k!)^2
        double jr = 1;
        double ji = 0;          // J0
        double sr = 0;
        double si = 0;          // sum_{k>=1} (-1)^{k+1} H_k q^k/(k!)^2 = -sum H_k term_k
        double h = 0;
        for (int k = 1; k < 200; k++) {
            double nr = -(tr * qr - ti * qi) / ((double) k * k);
            double ni = -(tr * qi + ti * qr) / ((double) k * k);
            tr = nr;
            ti = ni;
            h += 1.0 / k;
            jr += tr;
            ji += ti;
            sr -= h * tr;
            si -= h * ti;
            if (Math.hypot(tr, ti) * h < 1e-17 * Math.hypot(jr, ji) && k > 5) {
                break;
            }
        }
        // ln(z/2) + gamma
        double lr = Math.log(Math.hypot(zr, zi) / 2) + EULER_GAMMA;
        double li = Math.atan2(zi, zr);
        double yr = (2 / Math.PI) * ((lr * jr - li * ji) + sr);
        double yi = (2 / Math.PI) * ((lr * ji + li * jr) + si);
        // H = J - i Y
        return new double[] {jr + yi, ji - yr};
    }

    private static double[] asymptotic(double zr, double zi) {
        // sum_k (-i)^k a_k / z^k, a_k = a_{k-1} * (-(2k-1)^2) / (8k)
        double mod2 = zr * zr + zi * zi;
        double izr = zr / mod2;
        double izi = -zi / mod2;          // 1/z
        double sr = 1;
        double si = 0;
        double tr = 1;
        double ti = 0;
        double best = Double.MAX_VALUE;
        for (int k = 1; k < 60; k++) {
            double a = -((2.0 * k - 1) * (2.0 * k - 1)) / (8.0 * k);
            // t *= a * (-i) / z
            double mr = tr * izr - ti * izi;
            double mi = tr * izi + ti * izr;
            double nr = a * mi;
            double ni = -a * mr;
            double size = Math.hypot(nr, ni);
            if (size > best) {
                break;
            }
            best = size;
            tr = nr;
            ti = ni;
            sr += tr;
            si += ti;
        }
        // sqrt(2 / (pi z)) * exp(-i (z - pi/4))
        double r = Math.sqrt(2 / (Math.PI * Math.sqrt(mod2)));
        double ang = -0.5 * Math.atan2(zi, zr);
        double pr = r * Math.cos(ang);
        double pi = r * Math.sin(ang);
        // exp(-i z + i pi/4) = exp(zi) * (cos(pi/4 - zr) + i sin(pi/4 - zr))
        double e = Math.exp(zi);
        double er = e * Math.cos(Math.PI / 4 - zr);
        double ei = e * Math.sin(Math.PI / 4 - zr);
        double fr = pr * er - pi * ei;
        double fi = pr * ei + pi * er;
        return new double[] {fr * sr - fi * si, fr * si + fi * sr};
    }
}
