// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import java.util.Set;

/** Declares which options a {@link Command} accepts, so {@link Args} can reject unknown ones. */
public interface OptionSpec {
    /** Options that take a value, e.g. {@code port} for {@code --port 11112}. */
    Set<String> valuedOptions();

    /** Options that take no value, e.g. {@code verbose}. */
    default Set<String> switchOptions() {
        return Set.of();
    }
}
