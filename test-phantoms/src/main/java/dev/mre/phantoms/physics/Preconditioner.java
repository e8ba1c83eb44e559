// SPDX-License-Identifier: Apache-2.0
package dev.mre.phantoms.physics;

/** An approximate inverse z = M^-1 r applied inside {@link Bicgstab} (interleaved complex). */
interface Preconditioner {
    void solve(double[] r, double[] z);
}
