// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.dicom.data.UID;
import dev.mre.dicom.net.Association;
import dev.mre.dicom.net.ClientConfig;
import dev.mre.dicom.net.DicomClient;
import dev.mre.dicom.net.PresentationContext;
import dev.mre.dicom.net.service.Status;
import dev.mre.server.config.AeAddress;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code echo AE@host:port}: C-ECHO (verification), printing the status and round-trip time. */
final class EchoCommand implements Command, OptionSpec {
    private final PrintStream out;
    private final PrintStream err;

    EchoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "C-ECHO a DICOM peer: is it there, does it accept us?";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar echo AE@host:port [options]

                Opens an association proposing Verification, sends C-ECHO, prints the status and the
                round-trip time, and releases.

                options:
                """ + ClientOptions.HELP + """

                exit codes:
                  0   the peer answered C-ECHO with success
                  64  wrong usage (e.g. a malformed AE@host:port)
                  69  the peer is unreachable, refused or rejected the association, aborted, timed
                      out, or answered a failure status; the reason is printed
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return ClientOptions.VALUED;
    }

    @Override
    public Set<String> switchOptions() {
        return ClientOptions.SWITCHES;
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positional().size() != 1) {
            throw new UsageException("give exactly one peer as AE@host:port");
        }
        AeAddress peer = ClientOptions.peer(args.positional().get(0), "peer");
        ClientConfig cfg = ClientOptions.from(args);
        Vertx vertx = Vertx.vertx();
        try {
            Association as = DicomClient.open(vertx, cfg, peer.aeTitle(), peer.host(), peer.port(),
                            List.of(PresentationContext.of(UID.Verification, UID.ExplicitVRLittleEndian,
                                    UID.ImplicitVRLittleEndian)))
                    .toCompletionStage().toCompletableFuture().get();
            try {
                long start = System.nanoTime();
                int status = as.cecho().toCompletionStage().toCompletableFuture().get();
                long ms = (System.nanoTime() - start) / 1_000_000;
                as.release().toCompletionStage().toCompletableFuture().get();
                if (status != Status.Success) {
                    err.printf("C-ECHO %s: failed with status %04X%n", peer, status);
                    return ExitCode.UNAVAILABLE;
                }
                out.printf("C-ECHO %s: status 0000 (Success), round trip %d ms%n", peer, ms);
                return ExitCode.OK;
            } catch (Exception e) {
                as.abort();
                throw e;
            }
        } catch (Exception e) {
            err.println("C-ECHO " + peer + " failed: " + Failures.reason(e, peer.toString()));
            return ExitCode.UNAVAILABLE;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
