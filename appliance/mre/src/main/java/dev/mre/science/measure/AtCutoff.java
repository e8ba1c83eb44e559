// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/** Which stage a value exactly equal to a cut-off belongs to. */
public enum AtCutoff {
    /** The stage above: intervals are [lower, upper), i.e. "at or above the cut-off". */
    UPPER,
    /** The stage below: intervals are (lower, upper], i.e. "above the cut-off". */
    LOWER
}
