// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/**
 * How stored phase pixel values map to radians: phi = stored * radiansPerUnit + offsetRadians.
 *
 * <p>Exists so the vendor convention is stated once, by the adapter that knows the vendor, and the
 * science never guesses it. The result need not lie in (-pi, pi]: the chain re-wraps it.
 *
 * @param radiansPerUnit radians per stored unit (after any DICOM rescale)
 * @param offsetRadians  radians added after scaling
 */
public record PhaseScaling(double radiansPerUnit, double offsetRadians) {

    public PhaseScaling {
        if (!Double.isFinite(radiansPerUnit) || radiansPerUnit == 0 || !Double.isFinite(offsetRadians)) {
            throw new IllegalArgumentException("phase scaling must be finite with a non-zero slope");
        }
    }

    /** Pixels already hold radians. */
    public static PhaseScaling radians() {
        return new PhaseScaling(1, 0);
    }

    /**
     * Stored integers spanning one full turn: {@code fullTurnUnits} units are 2 pi, and the stored
     * value {@code zeroUnit} is 0 rad. Philips' {@code pixel * pi / 2048 - pi} is (4096, 2048).
     */
    public static PhaseScaling fullTurn(double fullTurnUnits, double zeroUnit) {
        double k = 2 * Math.PI / fullTurnUnits;
        return new PhaseScaling(k, -zeroUnit * k);
    }

    /** Phase of one stored value, in radians (not wrapped). */
    public double toRadians(double stored) {
        return stored * radiansPerUnit + offsetRadians;
    }
}
