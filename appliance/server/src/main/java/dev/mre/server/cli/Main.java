// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code mre-appliance.jar}: dispatches to one subcommand. The list of commands
 * here is the whole user interface of the appliance.
 */
public final class Main {

    private Main() {
    }

    /** The subcommands; they print to {@code out} and {@code err}, never to System.out directly. */
    static List<Command> commands(PrintStream out, PrintStream err) {
        return List.of(new ServeCommand(out, err), new EchoCommand(out, err), new SendCommand(out, err),
                new DumpCommand(out, err), new ProcessCommand(out, err), new PhantomsCommand(out),
                new DemoCommand(out, err), new EvaluateCommand(out, err), new ModelsCommand(out, err));
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    /** Runs one subcommand and returns its exit code; never calls {@code System.exit}. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            printUsage(argv.length == 0 ? err : out, commands(out, err));
            return argv.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        List<Command> commands = commands(out, err);
        Command command = commands.stream().filter(c -> c.name().equals(argv[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("mre-appliance: unknown command '" + argv[0] + "'");
            printUsage(err, commands);
            return ExitCode.USAGE;
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            out.println(command.help());
            return ExitCode.OK;
        }
        try {
            return command.run(parseFor(command, rest));
        } catch (UsageException e) {
            err.println("mre-appliance " + command.name() + ": " + e.getMessage());
            err.println("Try: java -jar mre-appliance.jar " + command.name() + " --help");
            return ExitCode.USAGE;
        } catch (Exception e) {
            err.println("mre-appliance " + command.name() + ": internal error: " + e);
            return ExitCode.SOFTWARE;
        }
    }

    private static Args parseFor(Command command, String[] rest) throws UsageException {
        if (command instanceof OptionSpec spec) {
            return Args.parse(rest, spec.valuedOptions(), spec.switchOptions());
        }
        return Args.parse(rest, java.util.Set.of(), java.util.Set.of());
    }

    private static void printUsage(PrintStream s, List<Command> commands) {
        s.println("usage: java -jar mre-appliance.jar <command> [options]");
        s.println();
        s.println("commands:");
        for (Command c : commands) {
            s.printf("  %-10s %s%n", c.name(), c.summary());
        }
        s.println();
        s.println("Run 'java -jar mre-appliance.jar <command> --help' for a command's options.");
    }
}
