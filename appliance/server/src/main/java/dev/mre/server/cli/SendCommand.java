// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.dicom.net.Association;
import dev.mre.dicom.net.ClientConfig;
import dev.mre.dicom.net.DicomClient;
import dev.mre.dicom.net.service.DimseStatus;
import dev.mre.server.config.AeAddress;
import dev.mre.server.scu.Part10Object;
import dev.mre.server.scu.StoreScu;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code send --to AE@host:port PATH...}: C-STORE of Part 10 files, data sets forwarded unchanged. */
final class SendCommand implements Command, OptionSpec {
    private final PrintStream out;
    private final PrintStream err;

    SendCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String summary() {
        return "C-STORE DICOM files and folders to a peer";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar send --to AE@host:port [options] PATH...

                Sends every DICOM Part 10 file in PATH (files, or folders searched recursively) over
                one association. One presentation context is proposed per (SOP class, transfer
                syntax) found, plus Explicit and Implicit VR Little Endian for uncompressed data; data
                sets are sent byte for byte as stored (uncompressed ones are transcoded only when the
                peer accepts nothing else). Files that are not DICOM are reported and skipped.
                Prints a summary: sent, failed, skipped, MB, seconds, instances/s.

                options:
                  --to AE@host:port the destination (required)
                """ + ClientOptions.HELP + """

                exit codes:
                  0   every DICOM file was sent (warning statuses count as sent)
                  1   some files failed (failure status or no accepted presentation context)
                  64  wrong usage
                  66  no DICOM file found in the given paths, or a path does not exist
                  69  the peer is unreachable, refused or rejected the association, or aborted it
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        Set<String> s = new java.util.HashSet<>(ClientOptions.VALUED);
        s.add("to");
        return s;
    }

    @Override
    public Set<String> switchOptions() {
        return ClientOptions.SWITCHES;
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.get("to") == null) {
            throw new UsageException("--to AE@host:port is required");
        }
        if (args.positional().isEmpty()) {
            throw new UsageException("give at least one file or folder to send");
        }
        AeAddress peer = ClientOptions.peer(args.get("to"), "--to");
        ClientConfig cfg = ClientOptions.from(args);
        List<Part10Object> objects = new ArrayList<>();
        int skipped = 0;
        for (String p : args.positional()) {
            Path path = Path.of(p);
            if (!Files.exists(path)) {
                err.println("send: " + p + " does not exist");
                return ExitCode.NO_INPUT;
            }
            for (Path f : files(path)) {
                try {
                    objects.add(Part10Object.read(f));
                } catch (IOException e) {
                    err.println("skipped " + f + ": not a DICOM Part 10 file (" + e.getMessage() + ")");
                    skipped++;
                }
            }
        }
        if (objects.isEmpty()) {
            err.println("send: no DICOM files found in " + String.join(" ", args.positional()));
            return ExitCode.NO_INPUT;
        }
        return send(peer, cfg, objects, skipped);
    }

    private int send(AeAddress peer, ClientConfig cfg, List<Part10Object> objects, int skipped) throws Exception {
        Vertx vertx = Vertx.vertx();
        WorkerExecutor io = vertx.createSharedWorkerExecutor("mre-send-io", 1);
        long start = System.nanoTime();
        int sent = 0;
        int failed = 0;
        long bytes = 0;
        try {
            Association as;
            try {
                as = DicomClient.open(vertx, cfg, peer.aeTitle(), peer.host(), peer.port(),
                        StoreScu.contextsFor(objects)).toCompletionStage().toCompletableFuture().get();
            } catch (Exception e) {
                err.println("send: cannot associate with " + peer + ": " + Failures.reason(e, peer.toString()));
                return ExitCode.UNAVAILABLE;
            }
            // The next file is read while the current one is in flight (one read ahead).
            Future<StoreScu.Prepared> next = StoreScu.prepare(as, objects.get(0), io);
            for (int i = 0; i < objects.size(); i++) {
                Part10Object o = objects.get(i);
                Future<StoreScu.Prepared> current = next;
                if (i + 1 < objects.size()) {
                    next = StoreScu.prepare(as, objects.get(i + 1), io);
                }
                try {
                    DimseStatus st = current.compose(p -> StoreScu.send(as, p))
                            .toCompletionStage().toCompletableFuture().get();
                    if (st.failure()) {
                        err.println("FAILED " + o.file() + ": status " + st);
                        failed++;
                    } else {
                        sent++;
                        bytes += o.size() - o.datasetOffset();
                    }
                } catch (Exception e) {
                    err.println("FAILED " + o.file() + ": " + Failures.reason(e, peer.toString()));
                    failed++;
                }
            }
            as.release().toCompletionStage().toCompletableFuture().handle((v, e) -> null).get();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("sent %d, failed %d, skipped %d; %.1f MB in %.2f s (%.1f instances/s)%n", sent, failed, skipped,
                bytes / 1e6, seconds, sent / Math.max(seconds, 1e-3));
        return failed == 0 ? ExitCode.OK : ExitCode.PARTIAL;
    }

    private static List<Path> files(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
