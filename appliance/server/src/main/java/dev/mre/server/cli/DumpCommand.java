// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.dicom.io.DicomDump;
import dev.mre.dicom.io.DicomParseException;
import dev.mre.dicom.io.DicomReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code dump FILE...}: a dcmdump-like listing of DICOM files. */
final class DumpCommand implements Command, OptionSpec {
    private final PrintStream out;
    private final PrintStream err;

    DumpCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "list the elements of DICOM files (like dcmdump)";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar dump FILE...

                Prints the file meta, the transfer syntax and every element of each file: tag, VR,
                value, length, VM and keyword; sequence items and fragments indented. Bare data sets
                (no Part 10 header) are read with a guessed transfer syntax. Patient data is printed:
                this is a diagnostic tool for the operator's terminal, not a log.

                options: none

                exit codes:
                  0   every file was dumped
                  64  wrong usage (no FILE)
                  65  a file is malformed; the error names the file and the byte offset
                  66  a file does not exist or cannot be read
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positional().isEmpty()) {
            throw new UsageException("give at least one FILE to dump");
        }
        int exit = ExitCode.OK;
        for (String name : args.positional()) {
            Path file = Path.of(name);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println("dump: " + name + ": no such readable file");
                exit = Math.max(exit, ExitCode.NO_INPUT);
                continue;
            }
            if (args.positional().size() > 1) {
                out.println("# " + name);
            }
            try {
                StringBuilder text = new StringBuilder();
                DicomDump.dump(DicomReader.readFile(file), text);
                out.print(text);
            } catch (DicomParseException e) {
                err.println("dump: " + name + ": malformed DICOM at byte offset " + e.offset() + ": " + e.getMessage());
                exit = exit == ExitCode.OK ? ExitCode.DATA_ERROR : exit;
            } catch (IOException e) {
                err.println("dump: " + name + ": cannot read: " + e.getMessage());
                exit = Math.max(exit, ExitCode.NO_INPUT);
            }
        }
        return exit;
    }
}
