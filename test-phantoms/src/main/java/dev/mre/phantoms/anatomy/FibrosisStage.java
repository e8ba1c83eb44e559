// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.anatomy;

/**
 * Liver |G*| ranges per fibrosis stage at 60 Hz, used to draw a phantom liver's stiffness. The
 * ranges follow the common Mayo/ACR table (normal below 2.5 kPa, cirrhosis above 5 kPa) with F4
 * extended to 8 kPa; they define phantoms, not diagnoses (cut-offs for staging are site policy in
 * the appliance, never these numbers). Heterogeneity (coefficient of variation of the smooth
 * random field) grows with stage, as fibrosis is patchy.
 */
public enum FibrosisStage {
    F0(1.8, 2.5, 0.04),
    F1(2.5, 3.0, 0.05),
    F2(3.0, 3.6, 0.07),
    F3(3.6, 4.5, 0.09),
    F4(4.5, 8.0, 0.12);

    private final double minKPa;
    private final double maxKPa;
    private final double heterogeneity;

    FibrosisStage(double minKPa, double maxKPa, double heterogeneity) {
        this.minKPa = minKPa;
        this.maxKPa = maxKPa;
        this.heterogeneity = heterogeneity;
    }

    /** Lower end of the |G*| range (kPa). */
    public double minKPa() {
        return minKPa;
    }

    /** Upper end of the |G*| range (kPa). */
    public double maxKPa() {
        return maxKPa;
    }

    /** Coefficient of variation of the spatial |G*| field inside the liver. */
    public double heterogeneity() {
        return heterogeneity;
    }

    /** Parses "F0".."F4" (case-insensitive). */
    public static FibrosisStage parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
