// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import java.time.Duration;

/**
 * How a {@link DicomClient} associates.
 *
 * @param callingAe our AE title
 * @param maxPduLengthReceive the maximum P-DATA-TF length we announce (not 0)
 * @param connectTimeout TCP (and TLS) connect
 * @param artimTimeout waiting for A-ASSOCIATE-AC/RJ, for A-RELEASE-RP, and for the close after an abort
 * @param responseTimeout waiting for a DIMSE response; then the association is aborted
 * @param tls null for plain TCP
 */
public record ClientConfig(String callingAe, int maxPduLengthReceive, Duration connectTimeout,
                           Duration artimTimeout, Duration responseTimeout, TlsConfig tls) {

  public ClientConfig {
    if (maxPduLengthReceive < 4096) {
      throw new IllegalArgumentException("maxPduLengthReceive must be at least 4096, was " + maxPduLengthReceive);
    }
  }

  /** Calling AE "MRE_APPLIANCE", 64 KiB PDUs, 10 s connect, 30 s ARTIM, 120 s per response. */
  public static ClientConfig defaults() {
    return new ClientConfig("MRE_APPLIANCE", ServerConfig.DEFAULT_MAX_PDU_LENGTH, Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(120), null);
  }

  public ClientConfig withCallingAe(String callingAe) {
    return new ClientConfig(callingAe, maxPduLengthReceive, connectTimeout, artimTimeout, responseTimeout, tls);
  }

  public ClientConfig withMaxPduLengthReceive(int max) {
    return new ClientConfig(callingAe, max, connectTimeout, artimTimeout, responseTimeout, tls);
  }

  public ClientConfig withTls(TlsConfig tls) {
    return new ClientConfig(callingAe, maxPduLengthReceive, connectTimeout, artimTimeout, responseTimeout, tls);
  }

  public ClientConfig withTimeouts(Duration connect, Duration artim, Duration response) {
    return new ClientConfig(callingAe, maxPduLengthReceive, connect, artim, response, tls);
  }
}
