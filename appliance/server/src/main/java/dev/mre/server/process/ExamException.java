// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

/**
 * An input folder that cannot become an MRE exam. The message is the sentence for the user: what
 * is missing or inconsistent, in which files or series, and {@link #noInput()} tells the
 * {@code process} command which exit code applies (66 nothing to read, 65 unusable data).
 */
public final class ExamException extends Exception {
    private final boolean noInput;

    private ExamException(String message, boolean noInput) {
        super(message);
        this.noInput = noInput;
    }

    /** The folder is missing, unreadable or holds no files. */
    static ExamException noInput(String message) {
        return new ExamException(message, true);
    }

    /** Files were read but do not form a usable MRE exam. */
    static ExamException unusable(String message) {
        return new ExamException(message, false);
    }

    /** True when there was nothing to read at all (exit 66), false for unusable data (exit 65). */
    public boolean noInput() {
        return noInput;
    }
}
