// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

/**
 * One subcommand of {@code mre-appliance.jar}. Subcommands are the appliance's user interface:
 * site scripts rely on their names, options and exit codes, so each one documents itself in
 * {@link #help()}.
 */
public interface Command {

    /** The word typed after {@code java -jar mre-appliance.jar}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** Full usage text printed for {@code --help}. */
    String help();

    /**
     * Runs the command.
     *
     * @return the process exit code ({@link ExitCode})
     */
    int run(Args args) throws Exception;
}
