// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

/** Process exit codes shared by every subcommand (sysexits-style, so scripts can branch on them). */
public final class ExitCode {
    public static final int OK = 0;
    /** The operation ran but did not fully succeed (e.g. some files were not sent). */
    public static final int PARTIAL = 1;
    /** Wrong command-line usage. */
    public static final int USAGE = 64;
    /** Input data was malformed (e.g. a file that is not DICOM). */
    public static final int DATA_ERROR = 65;
    /** An input file does not exist or cannot be read. */
    public static final int NO_INPUT = 66;
    /** The remote peer is unreachable, rejected or aborted. */
    public static final int UNAVAILABLE = 69;
    /** An internal error: a bug, reported with its cause. */
    public static final int SOFTWARE = 70;
    /** Cannot write output or create a resource (disk full, permissions, listening port in use). */
    public static final int CANT_CREATE = 73;
    /** Configuration file is invalid. */
    public static final int CONFIG = 78;

    private ExitCode() {
    }
}
