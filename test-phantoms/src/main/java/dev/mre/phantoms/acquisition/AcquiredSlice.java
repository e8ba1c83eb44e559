// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.acquisition;

/**
 * What the scanner recorded for one slice, plus the noise-free wave it recorded.
 *
 * @param magnitude per phase offset, the Rician magnitude image (arbitrary units, tissue ~ 0..1)
 * @param phaseRad per phase offset, the wrapped phase in (-pi, pi]
 * @param waveUm the true first harmonic of the through-plane displacement (micrometres),
 *     interleaved complex: displacement(t) = Re(U e^{+iwt})
 * @param noiseSigma standard deviation of each noise channel
 */
public record AcquiredSlice(float[][] magnitude, float[][] phaseRad, double[] waveUm, double noiseSigma) {
}
