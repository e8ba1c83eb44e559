// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.inference.ModelPackage;
import dev.mre.inference.ModelPackageException;
import dev.mre.inference.RuntimeOptions;
import dev.mre.server.config.ConfigException;
import dev.mre.server.config.ConfigLoader;
import dev.mre.server.models.Change;
import dev.mre.server.models.Installed;
import dev.mre.server.models.ModelsException;
import dev.mre.server.models.ModelsFolder;
import dev.mre.server.models.PackageVerifier;
import dev.mre.server.process.ModelsDir;
import io.vertx.core.json.JsonObject;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code models list|verify|install|rollback}: the field engineer installs and rolls back model
 * packages on site (docs/models-install.md). A package is fully verified before anything changes;
 * the switch itself is {@link ModelsFolder}'s.
 */
final class ModelsCommand implements Command, OptionSpec {
    static final int DEFAULT_KEEP = 3;
    private static final String RESTART = "serve loads the models when it starts: restart it for the change to take"
            + " effect (under systemd: systemctl restart mre-appliance)";

    private final PrintStream out;
    private final PrintStream err;

    ModelsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "models";
    }

    @Override
    public String summary() {
        return "list, verify, install and roll back model packages";
    }

    @Override
    public String help() {
        return """
                usage: java -jar mre-appliance.jar models list [--models DIR]
                       java -jar mre-appliance.jar models verify PACKAGE_DIR
                       java -jar mre-appliance.jar models install PACKAGE_DIR [--models DIR] [--keep N] [--force]
                       java -jar mre-appliance.jar models rollback NAME [--models DIR] [--keep N]

                list      every model in the models folder: version, task, ONNX size, whether model.onnx
                          has the manifest's SHA-256, whether the pipeline uses it, kept versions
                verify    the full check, changing nothing: manifest, files, SHA-256, ONNX Runtime loads
                          it with the manifest's input and output shapes, parity/ fixture reproduced
                          (docs/design/model-packages.md)
                install   verify, copy into the models folder, fsync, switch atomically to it; the
                          package it replaces is kept in DIR/.previous/<name>/<version>-<UTC time>/
                rollback  the most recently replaced kept version of NAME becomes active again (verified
                          first); the version it replaces is kept, so a rollback can be undone

                A package folder is named like its manifest's "name"; only manifest.json, the ONNX file,
                MODEL_CARD.md and parity/ are installed. serve and process load the models when they
                start: restart serve (systemctl restart mre-appliance) after a change. Every change is
                printed and appended to DIR/.history.log. See docs/models-install.md.

                options:
                  --models DIR   models folder; default: models.dir of --config, else the first 'models'
                                 folder beside the jar or up to 4 folders above it, else ./models
                  --config FILE  the appliance's configuration file, for its models.dir
                  --keep N       previous versions kept per model (default 3; 0 keeps none)
                  --force        install a package with the active version's number but other content

                exit codes:
                  0   done (or nothing to do: that version with the same content is already active)
                  64  wrong usage
                  66  PACKAGE_DIR or the models folder does not exist; nothing kept to roll back to
                  73  the models folder cannot be written, or another models command holds its lock
                  78  package refused (malformed, missing files, SHA-256 differs, ONNX Runtime cannot
                      load it, parity fixture not reproduced) or same version with other content;
                      nothing was changed. Also: --config is invalid
                """;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("models", "config", "keep");
    }

    @Override
    public Set<String> switchOptions() {
        return Set.of("force");
    }

    @Override
    public int run(Args args) throws Exception {
        List<String> ops = args.positional();
        if (ops.isEmpty()) {
            throw new UsageException("name a subcommand: list, verify, install or rollback");
        }
        String sub = ops.get(0);
        int operands = sub.equals("list") ? 0 : 1;
        if (!Set.of("list", "verify", "install", "rollback").contains(sub)) {
            throw new UsageException("unknown subcommand '" + sub + "'; use list, verify, install or rollback");
        }
        if (ops.size() != operands + 1) {
            throw new UsageException("models " + sub + " takes " + (operands == 0 ? "no operand"
                    : sub.equals("rollback") ? "one model NAME" : "one PACKAGE_DIR") + ", got " + (ops.size() - 1));
        }
        int keep = args.getInt("keep", DEFAULT_KEEP);
        if (keep < 0) {
            throw new UsageException("--keep needs 0 or more");
        }
        try {
            return switch (sub) {
                case "list" -> list(folder(args));
                case "verify" -> verify(Path.of(ops.get(1)));
                case "install" -> install(Path.of(ops.get(1)), folder(args), keep, args.has("force"));
                default -> rollback(ops.get(1), folder(args), keep);
            };
        } catch (ConfigException e) {
            err.println("models: " + e.getMessage());
            return ExitCode.CONFIG;
        } catch (ModelPackageException e) {
            err.println("models " + sub + ": refused" + (sub.equals("verify") ? "" : ", nothing was changed") + ": "
                    + e.getMessage());
            return ExitCode.CONFIG;
        } catch (ModelsException e) {
            err.println("models " + sub + ": " + e.getMessage());
            return switch (e.reason()) {
                case SAME_VERSION -> ExitCode.CONFIG;
                case NOTHING_KEPT -> ExitCode.NO_INPUT;
                case BUSY -> ExitCode.CANT_CREATE;
            };
        } catch (IOException e) {
            err.println("models " + sub + ": cannot change the models folder: " + e
                    + "; check the folder, its permissions and free space");
            return ExitCode.CANT_CREATE;
        }
    }

    private static ModelsFolder folder(Args args) throws ConfigException {
        if (args.has("models")) {
            return new ModelsFolder(Path.of(args.get("models")));
        }
        String configured = args.has("config")
                ? ConfigLoader.load(Path.of(args.get("config")), new JsonObject()).models().dir() : null;
        return new ModelsFolder(ModelsDir.resolve(configured));
    }

    private int list(ModelsFolder folder) throws IOException, ModelsException {
        if (!Files.isDirectory(folder.dir())) {
            err.println("models list: no models folder " + folder.dir() + "; give --models DIR");
            return ExitCode.NO_INPUT;
        }
        if (folder.hasLeftovers()) {
            try (Closeable lock = folder.lock()) {
                folder.recover().forEach(l -> out.println("models: " + l));
            }
        }
        List<Installed> all = folder.list();
        out.println("models in " + folder.dir() + ":");
        out.printf(Locale.ROOT, "%-18s %-8s %-24s %8s  %-7s  %-9s  %s%n", "name", "version", "task", "onnx MB",
                "sha256", "use", "kept for rollback (newest first)");
        for (Installed i : all) {
            String kept = i.kept().isEmpty() ? "-" : i.kept().stream()
                    .map(k -> k.version() + " (replaced " + k.replaced() + ")").collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "%-18s %-8s %-24s %8s  %-7s  %-9s  %s%n", i.name(),
                    i.version() == null ? "-" : i.version(), i.task() == null ? "-" : i.task(),
                    i.onnxBytes() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", i.onnxBytes() / 1e6),
                    integrity(i.integrity()), i.used() ? "pipeline" : "optional", kept);
        }
        if (all.isEmpty()) {
            out.println("(no model packages)");
        }
        return ExitCode.OK;
    }

    private static String integrity(Installed.Integrity i) {
        return switch (i) {
            case OK -> "ok";
            case BAD -> "BAD";
            case NO_ONNX -> "no onnx";
            case MALFORMED -> "broken";
            case NONE -> "-";
        };
    }

    private int verify(Path dir) throws ModelPackageException {
        if (!Files.isDirectory(dir)) {
            err.println("models verify: " + dir + " is not a folder; give a package folder models/<name>/");
            return ExitCode.NO_INPUT;
        }
        out.println("models verify: " + dir);
        ModelPackage pkg = verifier().verify(dir, out::println);
        out.println("ok: " + pkg + " (sha256 " + pkg.manifest().onnx().sha256() + ") passed every check");
        return ExitCode.OK;
    }

    private int install(Path dir, ModelsFolder folder, int keep, boolean force)
            throws IOException, ModelsException, ModelPackageException {
        if (!Files.isDirectory(dir)) {
            err.println("models install: " + dir + " is not a folder; give a package folder <name>/");
            return ExitCode.NO_INPUT;
        }
        out.println("models install: verifying " + dir);
        ModelPackage pkg = verifier().verify(dir, out::println);
        try (Closeable lock = folder.lock()) {
            folder.recover().forEach(l -> out.println("models: " + l));
            Change c = folder.install(pkg, force, keep);
            report(c, folder, keep);
        }
        return ExitCode.OK;
    }

    private int rollback(String name, ModelsFolder folder, int keep)
            throws IOException, ModelsException, ModelPackageException {
        if (!Files.isDirectory(folder.dir())) {
            err.println("models rollback: no models folder " + folder.dir() + "; give --models DIR");
            return ExitCode.NO_INPUT;
        }
        try (Closeable lock = folder.lock()) {
            folder.recover().forEach(l -> out.println("models: " + l));
            out.println("models rollback: verifying the kept version of " + name);
            Change c = folder.rollback(name, keep, d -> verifier().verify(d, out::println));
            report(c, folder, keep);
        }
        return ExitCode.OK;
    }

    private void report(Change c, ModelsFolder folder, int keep) throws IOException {
        out.println(c.describe());
        if (c.action() == Change.Action.UNCHANGED) {
            return;
        }
        List<Installed.Kept> kept = folder.kept(c.name());
        out.println("active: " + folder.dir().resolve(c.name()) + "; kept for rollback: " + (kept.isEmpty() ? "none"
                : kept.stream().map(k -> k.version()).collect(Collectors.joining(", "))) + " (at most " + keep + ")");
        out.println(RESTART);
    }

    private static PackageVerifier verifier() {
        return new PackageVerifier(RuntimeOptions.defaults());
    }
}
