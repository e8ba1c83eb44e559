// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.serve;

import dev.mre.dicom.net.ClientConfig;
import dev.mre.dicom.net.ServerConfig;
import dev.mre.dicom.net.TlsConfig;
import dev.mre.server.config.AppConfig;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Maps the appliance configuration onto the DICOM layer's server and client configurations. */
public final class DicomConfigs {

    private DicomConfigs() {
    }

    /** The plain TCP listener. */
    public static ServerConfig plain(AppConfig.Dicom d) {
        Map<String, Set<String>> contexts = new LinkedHashMap<>();
        for (String sopClass : d.acceptedSopClasses()) {
            contexts.put(sopClass, new LinkedHashSet<>(d.acceptedTransferSyntaxes()));
        }
        // One store worker per association: an association has at most one C-STORE in flight, and
        // a store spends most of its time waiting in fsync, so concurrent associations must not queue.
        return new ServerConfig(d.host(), d.port(), d.aeTitle(), contexts, new LinkedHashSet<>(d.callingAeAllowList()),
                d.maxPduLength(), d.maxAssociations(), d.artimTimeout(), d.idleTimeout(), null)
                .withStoreWorkers(d.maxAssociations());
    }

    /** The TLS listener on {@code dicom.tls.port}, or {@code null} when TLS is disabled. */
    public static ServerConfig tls(AppConfig.Dicom d) {
        if (!d.tls().enabled()) {
            return null;
        }
        return plain(d).withPort(d.tls().port()).withTls(tlsConfig(d.tls()));
    }

    /** Key material for TLS sends and the TLS listener, or {@code null} when none is configured. */
    public static TlsConfig tlsConfig(AppConfig.Tls t) {
        if (t.certChainPem() == null && t.trustedCertsPem() == null) {
            return null;
        }
        return new TlsConfig(t.certChainPem(), t.privateKeyPem(), t.trustedCertsPem(), t.requireClientCert());
    }

    /** Our own associations (outbox): calling AE = our AE title. */
    public static ClientConfig client(AppConfig.Dicom d) {
        return ClientConfig.defaults().withCallingAe(d.aeTitle()).withMaxPduLengthReceive(d.maxPduLength());
    }
}
