// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;

/** Applies a {@link TlsConfig} to Vert.x socket options: TLS 1.2/1.3, PEM key, chain and trust. */
final class Tls {

  private Tls() {}

  static NetServerOptions server(NetServerOptions o, TlsConfig tls) {
    if (tls == null) {
      return o;
    }
    o.setSsl(true).setEnabledSecureTransportProtocols(TlsConfig.PROTOCOLS)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certChainPem().toString())
            .setKeyPath(tls.privateKeyPem().toString()));
    if (tls.trustedCertsPem() != null) {
      o.setTrustOptions(new PemTrustOptions().addCertPath(tls.trustedCertsPem().toString()));
      o.setClientAuth(tls.requireClientCert() ? ClientAuth.REQUIRED : ClientAuth.REQUEST);
    }
    return o;
  }

  static NetClientOptions client(NetClientOptions o, TlsConfig tls) {
    if (tls == null) {
      return o;
    }
    // DICOM peers are identified by AE title and certificate, not host name (PS3.15 B.1)
    o.setSsl(true).setEnabledSecureTransportProtocols(TlsConfig.PROTOCOLS).setHostnameVerificationAlgorithm("");
    if (tls.trustedCertsPem() != null) {
      o.setTrustOptions(new PemTrustOptions().addCertPath(tls.trustedCertsPem().toString()));
    }
    if (tls.certChainPem() != null && tls.privateKeyPem() != null) {
      o.setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certChainPem().toString())
          .setKeyPath(tls.privateKeyPem().toString()));
    }
    return o;
  }
}
