// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import dev.mre.dicom.net.ClientConfig;
import dev.mre.dicom.net.TlsConfig;
import dev.mre.server.config.AeAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The association options {@code echo} and {@code send} share, and their help text. */
final class ClientOptions {
    static final Set<String> VALUED = Set.of("calling-ae", "timeout", "tls-cert", "tls-key", "tls-trust");
    static final Set<String> SWITCHES = Set.of("tls");
    static final String DEFAULT_CALLING_AE = "MRE_SCU";
    static final String HELP = """
              --calling-ae AE   our AE title (default MRE_SCU)
              --timeout S       connect and response timeout in seconds (default 30)
              --tls             use DICOM over TLS (TLS 1.2/1.3)
              --tls-trust PEM   CA certificates to trust for the peer (default: the JVM's CAs)
              --tls-cert PEM    our certificate chain, for peers that require client certificates
              --tls-key PEM     the private key of --tls-cert
            """;

    private ClientOptions() {
    }

    static ClientConfig from(Args args) throws UsageException {
        String callingAe = args.get("calling-ae", DEFAULT_CALLING_AE);
        try {
            AeAddress.checkAeTitle(callingAe);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--calling-ae: " + e.getMessage());
        }
        int timeout = args.getInt("timeout", 30);
        if (timeout < 1) {
            throw new UsageException("--timeout needs a number of seconds >= 1");
        }
        Duration t = Duration.ofSeconds(timeout);
        ClientConfig cfg = ClientConfig.defaults().withCallingAe(callingAe).withTimeouts(t, t, t);
        boolean tls = args.has("tls");
        if (!tls && (args.has("tls-cert") || args.has("tls-key") || args.has("tls-trust"))) {
            throw new UsageException("--tls-cert, --tls-key and --tls-trust need --tls");
        }
        if (args.has("tls-cert") != args.has("tls-key")) {
            throw new UsageException("--tls-cert and --tls-key go together");
        }
        return tls ? cfg.withTls(new TlsConfig(path(args, "tls-cert"), path(args, "tls-key"), path(args, "tls-trust"),
                false)) : cfg;
    }

    static AeAddress peer(String text, String what) throws UsageException {
        try {
            return AeAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
    }

    private static Path path(Args args, String option) {
        String v = args.get(option);
        return v == null ? null : Path.of(v);
    }
}
