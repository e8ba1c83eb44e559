// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/**
 * What a stiffness map holds. Exists because |G*|, G', G'', c and rho c^2 are different numbers
 * for the same tissue and must never be compared or averaged together.
 */
public enum Quantity {
    /** |G*| = sqrt(G'^2 + G''^2), kPa: what liver "stiffness" usually means. */
    COMPLEX_MODULUS_MAGNITUDE("|G*|", "kPa"),
    /** Storage modulus G', kPa. */
    STORAGE_MODULUS("G'", "kPa"),
    /** Loss modulus G'', kPa. */
    LOSS_MODULUS("G''", "kPa"),
    /** Shear wave speed c, m/s. */
    SHEAR_WAVE_SPEED("c", "m/s"),
    /** Shear stiffness rho c^2, kPa (>= |G*|, equal only when G'' = 0). */
    SHEAR_STIFFNESS("rho c^2", "kPa");

    private final String symbol;
    private final String unit;

    Quantity(String symbol, String unit) {
        this.symbol = symbol;
        this.unit = unit;
    }

    /** Conventional symbol, e.g. "|G*|". */
    public String symbol() {
        return symbol;
    }

    /** Unit of the stored numbers. */
    public String unit() {
        return unit;
    }
}
