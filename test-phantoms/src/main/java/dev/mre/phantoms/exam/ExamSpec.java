// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.exam;

import dev.mre.phantoms.acquisition.AcquisitionConfig;
import dev.mre.phantoms.anatomy.FibrosisStage;
import dev.mre.phantoms.physics.SolverConfig;

/**
 * Everything that defines one simulated exam; the same spec gives the same bytes.
 *
 * @param kind phantom kind
 * @param stage fibrosis stage (anatomical only)
 * @param stiffnessKPa |G*| of the homogeneous block or inclusion background, or an override of
 *     the liver's drawn stiffness (NaN = draw from the stage)
 * @param seed the one source of randomness
 * @param columns image columns (256)
 * @param rows image rows (256, or 204 for the Siemens-like 256x204 matrix)
 * @param fovMm field of view along the columns (400 mm); pixels are square
 * @param slices number of axial slices (4)
 * @param sliceThicknessMm slice thickness (5-10 mm; 8)
 * @param sliceGapMm gap between slices (0 = contiguous)
 * @param acquisition scanner model
 * @param solver wave solver settings (frequency lives here)
 */
public record ExamSpec(PhantomKind kind, FibrosisStage stage, double stiffnessKPa, long seed, int columns, int rows,
                       double fovMm, int slices, double sliceThicknessMm, double sliceGapMm,
                       AcquisitionConfig acquisition, SolverConfig solver) {

    public ExamSpec {
        if (columns < 16 || rows < 16 || slices < 1 || sliceThicknessMm < 1) {
            throw new IllegalArgumentException("exam geometry out of range");
        }
    }

    /** A clinical-looking default exam of the given kind: 256x256, 400 mm, 4 slices of 8 mm. */
    public static ExamSpec defaults(PhantomKind kind, long seed) {
        return new ExamSpec(kind, FibrosisStage.F0, Double.NaN, seed, 256, 256, 400, 4, 8, 0,
                AcquisitionConfig.defaults(), SolverConfig.defaults());
    }

    public double pixelMm() {
        return fovMm / columns;
    }

    public ExamSpec withStage(FibrosisStage s) {
        return new ExamSpec(kind, s, stiffnessKPa, seed, columns, rows, fovMm, slices, sliceThicknessMm, sliceGapMm,
                acquisition, solver);
    }

    public ExamSpec withStiffness(double kPa) {
        return new ExamSpec(kind, stage, kPa, seed, columns, rows, fovMm, slices, sliceThicknessMm, sliceGapMm,
                acquisition, solver);
    }

    public ExamSpec withMatrix(int cols, int rws, int nSlices) {
        return new ExamSpec(kind, stage, stiffnessKPa, seed, cols, rws, fovMm, nSlices, sliceThicknessMm, sliceGapMm,
                acquisition, solver);
    }

    public ExamSpec withAcquisition(AcquisitionConfig a) {
        return new ExamSpec(kind, stage, stiffnessKPa, seed, columns, rows, fovMm, slices, sliceThicknessMm, sliceGapMm,
                a, solver);
    }
}
