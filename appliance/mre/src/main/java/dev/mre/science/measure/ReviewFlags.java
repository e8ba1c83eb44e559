// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

import java.util.List;

/**
 * The review flags of one exam result; no flag means no review is needed.
 *
 * @param flags the raised flags, in {@link ReviewCode} order
 */
public record ReviewFlags(List<ReviewFlag> flags) {

    public ReviewFlags {
        flags = List.copyOf(flags);
    }

    /** True when at least one flag was raised. */
    public boolean needsReview() {
        return !flags.isEmpty();
    }

    /** True when a flag with {@code code} was raised. */
    public boolean has(ReviewCode code) {
        return flags.stream().anyMatch(f -> f.code() == code);
    }
}
