// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.acquisition;

/**
 * How the simulated scanner records the wave: a motion-encoded GRE sequence sampling N phase
 * offsets over one vibration period. Defaults model a clinical 2D liver MRE exam.
 *
 * @param phaseOffsets number of phase offsets over one period (3-8; 4 clinically)
 * @param encodingUmPerRad motion-encoding sensitivity: micrometres of through-plane displacement
 *     per radian of phase
 * @param referenceAmplitudeUm median first-harmonic displacement amplitude |U| over the reference
 *     region (the liver; tissue other than the table where a slice has no liver); sets the
 *     solver's arbitrary scale. The driver's near field is many times larger and wraps
 * @param snr signal-to-noise ratio: mean magnitude of the reference tissue (liver, or gel) over
 *     the standard deviation of each of the real and imaginary noise channels
 * @param backgroundPhaseRad peak of a smooth static background phase (field inhomogeneity); the
 *     first temporal harmonic removes it
 * @param respiratoryShiftMm standard deviation of the anteroposterior shift of the viscera from
 *     slice to slice (separate breath-holds); 0 = perfectly registered slices
 */
public record AcquisitionConfig(int phaseOffsets, double encodingUmPerRad, double referenceAmplitudeUm, double snr,
                                double backgroundPhaseRad, double respiratoryShiftMm) {

    public AcquisitionConfig {
        if (phaseOffsets < 3 || phaseOffsets > 8) {
            throw new IllegalArgumentException("phase offsets must be 3..8, got " + phaseOffsets);
        }
        if (!(encodingUmPerRad > 0) || !(referenceAmplitudeUm > 0) || !(snr > 0) || respiratoryShiftMm < 0) {
            throw new IllegalArgumentException("encoding, amplitude and SNR must be positive");
        }
    }

    /**
     * 4 offsets, 10 um/rad, 5 um median liver amplitude (0.5 rad), SNR 30, 0.5 rad background, no
     * misregistration.
     */
    public static AcquisitionConfig defaults() {
        return new AcquisitionConfig(4, 10.0, 5.0, 30.0, 0.5, 0.0);
    }

    public AcquisitionConfig withSnr(double s) {
        return new AcquisitionConfig(phaseOffsets, encodingUmPerRad, referenceAmplitudeUm, s, backgroundPhaseRad,
                respiratoryShiftMm);
    }

    public AcquisitionConfig withPhaseOffsets(int n) {
        return new AcquisitionConfig(n, encodingUmPerRad, referenceAmplitudeUm, snr, backgroundPhaseRad,
                respiratoryShiftMm);
    }

    public AcquisitionConfig withRespiratoryShift(double mm) {
        return new AcquisitionConfig(phaseOffsets, encodingUmPerRad, referenceAmplitudeUm, snr, backgroundPhaseRad, mm);
    }
}
