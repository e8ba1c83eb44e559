// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/**
 * A per-pixel stiffness map of one slice from one inversion method.
 *
 * <p>Exists so a map always carries what it is: the method and the {@link Quantity} of
 * {@code values}. Pixels where the method is undefined (image border, zero wave) are NaN. When the
 * method defines them, {@code storage} and {@code loss} hold G' and G'' in kPa, else they are null.
 *
 * @param method   the inversion that produced the map
 * @param quantity what {@code values} holds (and its unit)
 * @param rows     image rows
 * @param cols     image columns
 * @param values   the map, row-major, in {@code quantity.unit()}
 * @param storage  G' in kPa, or null
 * @param loss     G'' in kPa, or null
 */
public record StiffnessMap(InversionMethod method, Quantity quantity, int rows, int cols,
                           float[] values, float[] storage, float[] loss) {

    public StiffnessMap {
        int n = rows * cols;
        if (values.length != n || (storage != null && storage.length != n) || (loss != null && loss.length != n)) {
            throw new IllegalArgumentException("stiffness map arrays must hold " + rows + "x" + cols + " pixels");
        }
    }
}
