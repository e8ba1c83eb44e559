// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import dev.mre.phantoms.acquisition.AcquiredSlice;
import dev.mre.phantoms.anatomy.SliceModel;

/**
 * One slice of a simulated exam: the truth, what the scanner saw, and where it is.
 *
 * @param zMm slice position along the feet-head axis (DICOM patient z, mm)
 * @param solverIterations BiCGSTAB iterations the wave needed
 */
public record ExamSlice(int index, double zMm, SliceModel truth, AcquiredSlice images, int solverIterations) {
}
