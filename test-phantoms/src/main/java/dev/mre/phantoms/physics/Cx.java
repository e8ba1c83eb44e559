// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/** Complex arithmetic on primitive doubles, so hot loops allocate no objects. */
final class Cx {
    private Cx() {
    }

    /** out = (ar + i ai)(br + i bi). */
    static void mul(double ar, double ai, double br, double bi, double[] out) {
        double r = ar * br - ai * bi;
        double i = ar * bi + ai * br;
        out[0] = r;
        out[1] = i;
    }

    /** out = (ar + i ai)/(br + i bi), Smith's algorithm (no overflow for large moduli). */
    static void div(double ar, double ai, double br, double bi, double[] out) {
        double r;
        double i;
        if (Math.abs(br) >= Math.abs(bi)) {
            double q = bi / br;
            double d = br + bi * q;
            r = (ar + ai * q) / d;
            i = (ai - ar * q) / d;
        } else {
            double q = br / bi;
            double d = br * q + bi;
            r = (ar * q + ai) / d;
            i = (ai * q - ar) / d;
        }
        out[0] = r;
        out[1] = i;
    }
}
