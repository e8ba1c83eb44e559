// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

/**
 * PatientOrientation (0020,0020) from ImageOrientationPatient: for the row and the column
 * direction, the patient axes it points along (L/R, P/A, H/F), the dominant one first, the others
 * added while their cosine exceeds 0.25 (PS3.3 C.7.6.1.1.1).
 */
final class PatientOrientation {
    private PatientOrientation() {
    }

    static String[] of(double[] iop) {
        return new String[] {letters(iop[0], iop[1], iop[2]), letters(iop[3], iop[4], iop[5])};
    }

    private static String letters(double x, double y, double z) {
        StringBuilder b = new StringBuilder();
        double[] v = {x, y, z};
        String[] pos = {"L", "P", "H"};
        String[] neg = {"R", "A", "F"};
        boolean[] used = new boolean[3];
        for (int n = 0; n < 3; n++) {
            int best = -1;
            for (int i = 0; i < 3; i++) {
                if (!used[i] && (best < 0 || Math.abs(v[i]) > Math.abs(v[best]))) {
                    best = i;
                }
            }
            if (Math.abs(v[best]) <= 0.25 && b.length() > 0) {
                break;
            }
            used[best] = true;
            b.append(v[best] >= 0 ? pos[best] : neg[best]);
        }
        return b.toString();
    }
}
