// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

/** Wrong command-line usage; the message tells the user what to type instead. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
