// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/**
 * One slice of an MRE exam: magnitude and phase images at each phase offset of one wave period.
 *
 * <p>Exists to give the science one typed input per slice, independent of how a vendor spread the
 * images over DICOM series. Arrays are row-major {@code rows x cols} and are not copied; callers
 * must not change them afterwards.
 *
 * @param index      slice index in the exam (0-based, in the order the adapter chose)
 * @param locationM  slice position along its normal, metres (informational)
 * @param thicknessM slice thickness, metres (informational; used for area weighting downstream)
 * @param magnitude  magnitude images, [offset][pixel]; one image (shared by all offsets) or one per
 *                   offset
 * @param phase      stored phase values, [offset][pixel], offsets equally spaced over one period
 *                   in acquisition order
 */
public record MreSlice(int index, double locationM, double thicknessM, float[][] magnitude, float[][] phase) {

    public MreSlice {
        if (phase == null || phase.length < 3) {
            throw new IllegalArgumentException("slice " + index + ": need at least 3 phase offsets, got "
                    + (phase == null ? 0 : phase.length));
        }
        if (magnitude == null || (magnitude.length != 1 && magnitude.length != phase.length)) {
            throw new IllegalArgumentException("slice " + index + ": need 1 magnitude image or one per offset ("
                    + phase.length + ")");
        }
        int n = phase[0].length;
        for (float[] p : phase) {
            if (p.length != n) {
                throw new IllegalArgumentException("slice " + index + ": phase images differ in size");
            }
        }
        for (float[] m : magnitude) {
            if (m.length != n) {
                throw new IllegalArgumentException("slice " + index + ": magnitude and phase differ in size");
            }
        }
    }

    /** Number of phase offsets. */
    public int offsets() {
        return phase.length;
    }
}
