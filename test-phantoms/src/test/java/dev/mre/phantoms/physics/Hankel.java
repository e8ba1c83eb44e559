// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/**
 * The Hankel function of the second kind and order zero, H0^(2)(z) = J0(z) - i Y0(z), for complex
 * z with -pi < arg z < pi: the outgoing 2D cylindrical wave of the e^{+iwt} convention, used as a
 * test oracle for the wave solver. Ascending series (A&amp;S 9.1.12, 9.1.13) for |z| &lt;= 8,
 * Hankel's asymptotic expansion (A&amp;S 9.2.8) beyond, where its terms fall below 1e-16 before they
 * start to grow. Returns {re, im}.
 */
final class Hankel {
    private static final double EULER_GAMMA = 0.5772156649015329;

    private Hankel() {
    }

    static double[] h02(double zr, double zi) {
        double mod = Math.hypot(zr, zi);
        if (mod == 0) {
            throw new IllegalArgumentException("H0^(2) is singular at 0");
        }
        return mod <= 8 ? series(zr, zi) : asymptotic(zr, zi);
    }

    /** J0 - i Y0 from the ascending series. */
    static double[] series(double zr, double zi) {
        // q = -(z/2)^2
        double hr = zr / 2;
        double hi = zi / 2;
        double qr = -(hr * hr - hi * hi);
        double qi = -(2 * hr * hi);
        double termR = 1;
        double termI = 0;
        double j0r = 1;
        double j0i = 0;
        double sr = 0; // sum_{k>=1} H_k q^k/(k!)^2 with sign: Y0 series uses (-1)^{k+1} H_k (z^2/4)^k
        double si = 0;
        double harmonic = 0;
        for (int k = 1; k < 200; k++) {
            double nr = (termR * qr - termI * qi) / ((double) k * k);
            double ni = (termR * qi + termI * qr) / ((double) k * k);
            termR = nr;
            termI = ni;
            harmonic += 1.0 / k;
            j0r += termR;
            j0i += termI;
            sr += harmonic * termR;
            si += harmonic * termI;
            if (Math.hypot(termR, termI) * harmonic < 1e-18 * Math.max(1, Math.hypot(j0r, j0i))) {
                break;
            }
        }
        // Y0 = (2/pi) [ (ln(z/2) + gamma) J0 - sum_{k>=1} H_k q^k/(k!)^2 ]  (q = -(z/2)^2)
        double lr = Math.log(Math.hypot(hr, hi)) + EULER_GAMMA;
        double li = Math.atan2(hi, hr);
        double y0r = (2 / Math.PI) * (lr * j0r - li * j0i - sr);
        double y0i = (2 / Math.PI) * (lr * j0i + li * j0r - si);
        // H0^(2) = J0 - i Y0
        return new double[] {j0r + y0i, j0i - y0r};
    }

    /** sqrt(2/(pi z)) e^{-i(z - pi/4)} sum_k (-i)^k a_k / z^k, a_k = prod (-(2m-1)^2) / (k! 8^k). */
    static double[] asymptotic(double zr, double zi) {
        double mod = Math.hypot(zr, zi);
        double sumR = 1;
        double sumI = 0;
        double tr = 1;
        double ti = 0;
        // 1/z
        double izr = zr / (mod * mod);
        double izi = -zi / (mod * mod);
        for (int k = 1; k < 60; k++) {
            double a = -((2.0 * k - 1) * (2.0 * k - 1)) / (k * 8.0);
            // t *= a * (-i) / z
            double mr = tr * izr - ti * izi;
            double mi = tr * izi + ti * izr;
            double nr = a * mi;     // (-i)(mr + i mi) = mi - i mr
            double ni = -a * mr;
            if (Math.hypot(nr, ni) > Math.hypot(tr, ti)) {
                break;
            }
            tr = nr;
            ti = ni;
            sumR += tr;
            sumI += ti;
            if (Math.hypot(tr, ti) < 1e-17) {
                break;
            }
        }
        // sqrt(2/(pi z)) principal branch
        double argZ = Math.atan2(zi, zr);
        double amp = Math.sqrt(2 / (Math.PI * mod));
        double pr = amp * Math.cos(-argZ / 2);
        double pi = amp * Math.sin(-argZ / 2);
        // e^{-i(z - pi/4)} = e^{zi} * e^{-i(zr - pi/4)}
        double e = Math.exp(zi);
        double er = e * Math.cos(zr - Math.PI / 4);
        double ei = -e * Math.sin(zr - Math.PI / 4);
        double fr = pr * er - pi * ei;
        double fi = pr * ei + pi * er;
        return new double[] {fr * sumR - fi * sumI, fr * sumI + fi * sumR};
    }
}
