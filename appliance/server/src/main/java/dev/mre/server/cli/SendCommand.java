// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.dicom.net.Association;
import dev.mre.dicom.net.ClientConfig;
import dev.mre.dicom.net.DicomClient;
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
import java.util.concurrent.CompletableFuture;
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
            // Chained on the association's event loop: each response starts the next C-STORE there,
            // without waking this thread per object; the next file is read while the current one is
            // in flight (one read ahead).
            Progress progress = new Progress(objects, as, io, peer);
            as.context().runOnContext(v -> progress.sendFrom(0, StoreScu.prepare(as, objects.get(0), io)));
            progress.finished.get();
            sent = progress.sent;
            failed = progress.failed;
            bytes = progress.bytes;
            as.release().toCompletionStage().toCompletableFuture().handle((v, e) -> null).get();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("sent %d, failed %d, skipped %d; %.1f MB in %.2f s (%.1f instances/s)%n", sent, failed, skipped,
                bytes / 1e6, seconds, sent / Math.max(seconds, 1e-3));
        return failed == 0 ? ExitCode.OK : ExitCode.PARTIAL;
    }

    /** The send loop's state; touched only on the association's event loop until {@code finished}. */
    private final class Progress {
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        private final List<Part10Object> objects;
        private final Association as;
        private final WorkerExecutor io;
        private final AeAddress peer;
        int sent;
        int failed;
        long bytes;

        Progress(List<Part10Object> objects, Association as, WorkerExecutor io, AeAddress peer) {
            this.objects = objects;
            this.as = as;
            this.io = io;
            this.peer = peer;
        }

        void sendFrom(int i, Future<StoreScu.Prepared> current) {
            sendFrom(() -> sendOne(i, current));
        }

        private void sendFrom(Runnable step) {
            try {
                step.run();
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);       // never leave the main thread waiting
            }
        }

        private void sendOne(int i, Future<StoreScu.Prepared> current) {
            Part10Object o = objects.get(i);
            Future<StoreScu.Prepared> next = i + 1 < objects.size() ? StoreScu.prepare(as, objects.get(i + 1), io) : null;
            current.compose(p -> StoreScu.send(as, p)).onComplete(ar -> sendFrom(() -> {
                if (ar.failed()) {
                    err.println("FAILED " + o.file() + ": " + Failures.reason(ar.cause(), peer.toString()));
                    failed++;
                } else if (ar.result().failure()) {
                    err.println("FAILED " + o.file() + ": status " + ar.result());
                    failed++;
                } else {
                    sent++;
                    bytes += o.size() - o.datasetOffset();
                }
                if (next == null) {
                    finished.complete(null);
                } else {
                    // a new task rather than a nested call: a run of files that fail at once
                    // (no accepted context) must not grow the stack
                    as.context().runOnContext(v -> sendFrom(() -> sendOne(i + 1, next)));
                }
            }));
        }
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
