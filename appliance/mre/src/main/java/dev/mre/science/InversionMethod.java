// SPDX-License-Identifier: Apache-2.0
package dev.mre.science;

/** The inversions this module implements; exists so results name the method that made them. */
public enum InversionMethod {
    /** Algebraic Helmholtz inversion, windowed least squares, 3-point Laplacian. */
    AHI,
    /** Multifrequency-dual-elasto-visco style ratio of sums over a window (one frequency here). */
    MDEV
}
