// SPDX-License-Identifier: Apache-2.0
package dev.mre.science.measure;

/**
 * One stage of a staging table.
 *
 * @param code  machine-readable code, no whitespace (e.g. {@code F1-F2})
 * @param label human-readable label (e.g. {@code Stage 1-2 fibrosis})
 */
public record Stage(String code, String label) {

    public Stage {
        if (code == null || code.isEmpty() || code.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("stage code must be non-empty without whitespace, got '" + code + "'");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("stage " + code + " needs a label");
        }
    }
}
