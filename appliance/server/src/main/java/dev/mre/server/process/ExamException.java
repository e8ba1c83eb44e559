// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.process;

import java.util.List;

/**
 * An input folder that cannot become an MRE exam. The message is the sentence for the user: what
 * is missing or inconsistent, in which files or series, and {@link #noInput()} tells the
 * {@code process} command which exit code applies (66 nothing to read, 65 unusable data).
 */
public final class ExamException extends Exception {
    private final boolean noInput;
    private final List<SeriesReport> series;

    private ExamException(String message, boolean noInput, List<SeriesReport> series) {
        super(message);
        this.noInput = noInput;
        this.series = List.copyOf(series);
    }

    /** The folder is missing, unreadable or holds no files. */
    static ExamException noInput(String message) {
        return new ExamException(message, true, List.of());
    }

    /** Files were read but do not form a usable MRE exam. */
    static ExamException unusable(String message) {
        return new ExamException(message, false, List.of());
    }

    /** The same failure with the series decisions made before it, for the operator. */
    ExamException withSeries(List<SeriesReport> reports) {
        ExamException e = new ExamException(getMessage(), noInput, reports);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** What was decided about each series of the folder before the failure (may be empty). */
    public List<SeriesReport> series() {
        return series;
    }

    /** True when there was nothing to read at all (exit 66), false for unusable data (exit 65). */
    public boolean noInput() {
        return noInput;
    }
}
