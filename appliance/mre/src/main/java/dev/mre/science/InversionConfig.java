// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/**
 * Every parameter of the physics path, with documented defaults ({@link #defaults()}).
 *
 * <p>Exists so that a result can be reproduced from the exam plus this record alone. Spatial
 * frequencies are in cycles per metre (1/m); at 60 Hz the shear wavelength is 16.7 mm (1 kPa,
 * 60 1/m) to 57.7 mm (12 kPa, 17 1/m).
 *
 * @param densityKgPerM3        tissue density rho used by every inversion (1000 kg/m3)
 * @param lowPassCutoffPerM     Butterworth low-pass cut-off, 1/m (100: passes 1 kPa waves, 60 1/m at 60 Hz, with gain 0.98)
 * @param lowPassOrder          Butterworth low-pass order (3)
 * @param highPassCutoffPerM    Butterworth high-pass cut-off, 1/m, against bulk motion and compressional waves; 0 = off (0: a
 *                              high-pass spreads the driver hotspot over the whole image, see docs/inversion.md)
 * @param highPassOrder         Butterworth high-pass order (1)
 * @param windowRadius          half-width in pixels of the square window of the windowed inversions and confidence (2: 5x5;
 *                              0 = per pixel, then the confidence still uses 3x3)
 * @param confidenceTolerance   relative error of the local modulus the fit confidence refers to (0.10: "within 10%")
 * @param amplitudeOverNoiseRef amplitude-over-noise ratio at which the amplitude factor is 1 - 1/e (2)
 * @param maskThreshold         confidence at or above which a pixel is in the mask (0.95)
 * @param signalFraction        pixels below this fraction of the 95th-percentile magnitude are air, left out of unwrapping (0.2)
 * @param directionalFilters    number of directional components the wave is split into before inverting (even, >= 4), every
 *                              windowed statistic summed over them; 0 = off (0: without a high-pass they bias the
 *                              phantoms +2 to +12%; with a 10 1/m high-pass AHI is unbiased but MDEV over components is
 *                              biased low; see docs/inversion.md)
 * @param noiseBiasCorrection   subtract the expected noise terms from the AHI window sums
 *                              ({@link dev.mre.science.inversion.NoiseBias}; MDEV and the confidence are unchanged).
 *                              Off in the defaults (liver at SNR 30 with a 5x5 window is within 2.3% without it), on in
 *                              {@link #highResolution()}, where the 3x3 window left AHI 10-45% low at SNR 30-60
 * @param adaptiveMaxRadius     0 = off (the default). Otherwise AHI chooses its window per pixel among the radii
 *                              windowRadius..adaptiveMaxRadius: the smallest whose predicted relative standard deviation
 *                              of |G*| (the noise of the fit, from the measured noise power,
 *                              {@link dev.mre.science.inversion.NoiseBias}) is at most confidenceTolerance, else the
 *                              largest ({@link dev.mre.science.inversion.AlgebraicHelmholtzInversion}). MDEV and the
 *                              confidence keep windowRadius
 */
public record InversionConfig(double densityKgPerM3, double lowPassCutoffPerM, int lowPassOrder,
                              double highPassCutoffPerM, int highPassOrder, int windowRadius,
                              double confidenceTolerance, double amplitudeOverNoiseRef, double maskThreshold,
                              double signalFraction, int directionalFilters, boolean noiseBiasCorrection,
                              int adaptiveMaxRadius) {

    public InversionConfig {
        if (!(densityKgPerM3 > 0) || !(lowPassCutoffPerM > 0) || lowPassOrder < 1 || highPassCutoffPerM < 0
                || highPassOrder < 1 || windowRadius < 0 || !(confidenceTolerance > 0)
                || !(amplitudeOverNoiseRef > 0) || !(maskThreshold >= 0 && maskThreshold <= 1)
                || !(signalFraction >= 0 && signalFraction < 1)
                || !(directionalFilters == 0 || (directionalFilters >= 4 && directionalFilters % 2 == 0))
                || adaptiveMaxRadius < 0 || (adaptiveMaxRadius > 0 && adaptiveMaxRadius < windowRadius)) {
            throw new IllegalArgumentException("invalid inversion config: " + this);
        }
    }

    /** The documented defaults (clinical liver: smooth, robust at SNR 30). */
    public static InversionConfig defaults() {
        return new InversionConfig(1000, 100, 3, 0, 1, 2, 0.10, 2, 0.95, 0.2, 0, false, 0);
    }

    /**
     * High-resolution preset for phantom QA (small inclusions): 3x3 window (windowRadius 1), a
     * 200 1/m low-pass and the noise-bias correction of AHI, everything else as
     * {@link #defaults()}. On the QA phantom AHI reads the 10 and 20 mm inclusions within 15% on
     * 9-10 of 10 noise draws at SNR 100 and 7-8 of 10 at SNR 60; at SNR 30 the correction moves the
     * draw medians from -20% / -46% to -11% / -26%, but a single acquisition scatters by about +-25%
     * at the centres (a 3x3 Laplacian of noisy data), so only 4 and 1 of 10 draws are within 15%.
     * Not the default: its 3x3 window makes the confidence fit reach 0.95 far less often and stiff
     * tissue is noisy (docs/inversion.md).
     */
    public static InversionConfig highResolution() {
        return defaults().withWindowRadius(1).withBandPass(0, 200).withNoiseBiasCorrection(true);
    }

    /** A copy with another window radius. */
    public InversionConfig withWindowRadius(int r) {
        return new InversionConfig(densityKgPerM3, lowPassCutoffPerM, lowPassOrder, highPassCutoffPerM,
                highPassOrder, r, confidenceTolerance, amplitudeOverNoiseRef, maskThreshold, signalFraction,
                directionalFilters, noiseBiasCorrection, adaptiveMaxRadius);
    }

    /** A copy with other band-pass cut-offs (1/m). */
    public InversionConfig withBandPass(double highPassPerM, double lowPassPerM) {
        return new InversionConfig(densityKgPerM3, lowPassPerM, lowPassOrder, highPassPerM,
                highPassOrder, windowRadius, confidenceTolerance, amplitudeOverNoiseRef, maskThreshold, signalFraction,
                directionalFilters, noiseBiasCorrection, adaptiveMaxRadius);
    }

    /** A copy with {@code n} directional filters (0 = off). */
    public InversionConfig withDirectionalFilters(int n) {
        return new InversionConfig(densityKgPerM3, lowPassCutoffPerM, lowPassOrder, highPassCutoffPerM,
                highPassOrder, windowRadius, confidenceTolerance, amplitudeOverNoiseRef, maskThreshold, signalFraction, n,
                noiseBiasCorrection, adaptiveMaxRadius);
    }

    /** A copy with the noise-bias correction of the window sums on or off. */
    public InversionConfig withNoiseBiasCorrection(boolean on) {
        return new InversionConfig(densityKgPerM3, lowPassCutoffPerM, lowPassOrder, highPassCutoffPerM,
                highPassOrder, windowRadius, confidenceTolerance, amplitudeOverNoiseRef, maskThreshold, signalFraction,
                directionalFilters, on, adaptiveMaxRadius);
    }

    /**
     * A copy with the adaptive AHI window up to radius {@code maxRadius} (0 = off; otherwise at
     * least windowRadius).
     */
    public InversionConfig withAdaptiveMaxRadius(int maxRadius) {
        return new InversionConfig(densityKgPerM3, lowPassCutoffPerM, lowPassOrder, highPassCutoffPerM,
                highPassOrder, windowRadius, confidenceTolerance, amplitudeOverNoiseRef, maskThreshold, signalFraction,
                directionalFilters, noiseBiasCorrection, maxRadius);
    }

    /** Whether AHI chooses its window per pixel (adaptiveMaxRadius above windowRadius). */
    public boolean adaptiveWindow() {
        return adaptiveMaxRadius > windowRadius;
    }
}
