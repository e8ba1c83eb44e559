// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import java.nio.file.Path;

/**
 * DICOM TLS (PS3.15 B.1, TLS 1.2 or 1.3; port 2762 by convention). PEM files as Vert.x's
 * {@code PemKeyCertOptions} and {@code PemTrustOptions} read them.
 *
 * @param certChainPem our certificate chain (server: required; client: needed only for mutual TLS)
 * @param privateKeyPem the private key of the first certificate (PKCS#8 or PKCS#1)
 * @param trustedCertsPem certificates we trust for the peer; null: server trusts no client
 *     certificates, client trusts the JVM default CAs
 * @param requireClientCert server only: refuse clients without a certificate signed by a trusted one
 */
public record TlsConfig(Path certChainPem, Path privateKeyPem, Path trustedCertsPem, boolean requireClientCert) {

  /** The TLS protocol versions PS3.15 B.1 (2023) permits us to offer. */
  public static final java.util.Set<String> PROTOCOLS = java.util.Set.of("TLSv1.2", "TLSv1.3");

  /** The IANA-registered port for DICOM over TLS. */
  public static final int DICOM_TLS_PORT = 2762;
}
