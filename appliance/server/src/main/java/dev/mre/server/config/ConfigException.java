// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

/**
 * The configuration cannot be used; the message names the file and key and says what to change.
 * Commands exit with {@code ExitCode.CONFIG} (78).
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
