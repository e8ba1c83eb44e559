// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.data.UID;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link DicomServer} listens on and what it accepts.
 *
 * @param host interface to bind; "0.0.0.0" for all
 * @param port TCP port; 11112 by default (2762 for TLS by convention); 0 picks a free one
 * @param aeTitle our AE title; the called AE of a request must equal it (else A-ASSOCIATE-RJ
 *     reason 7), unless {@code acceptAnyCalledAe}
 * @param acceptedContexts SOP class UID -> acceptable transfer syntax UIDs; the key {@link #ANY_SOP_CLASS}
 *     matches every SOP class. Verification is always accepted (C-ECHO is always served).
 * @param callingAeAllowList calling AE titles allowed to associate; empty = any (else reason 3)
 * @param maxPduLengthReceive the maximum P-DATA-TF length we announce and accept (not 0)
 * @param maxAssociations concurrent associations; the next one gets A-ASSOCIATE-RJ
 *     rejected-transient, source 3 (presentation), reason 2 (local-limit-exceeded)
 * @param artimTimeout ARTIM: waiting for the A-ASSOCIATE-RQ, and for the peer to close after a
 *     reject, release or abort
 * @param idleTimeout no bytes from an established peer for this long (while it owes us bytes): A-ABORT
 * @param tls null for plain TCP
 * @param maxObjectSize the largest data set reassembled for one C-STORE; a larger one is read to
 *     its end without being kept and answered 0xA700 (OutOfResources); the association stays up.
 *     Default {@link #DEFAULT_MAX_OBJECT_SIZE}
 * @param acceptAnyCalledAe accept whatever called AE the peer asks for
 * @param storeWorkers size of the "dicom-store" worker pool that runs {@code StoreHandler}s
 */
public record ServerConfig(String host, int port, String aeTitle, Map<String, Set<String>> acceptedContexts,
                           Set<String> callingAeAllowList, int maxPduLengthReceive, int maxAssociations,
                           Duration artimTimeout, Duration idleTimeout, TlsConfig tls, long maxObjectSize,
                           boolean acceptAnyCalledAe, int storeWorkers) {

  public static final String ANY_SOP_CLASS = "*";
  public static final int DEFAULT_PORT = 11112;
  public static final int DEFAULT_MAX_PDU_LENGTH = 65536;
  /**
   * 512 MiB: far above a single MR image or an enhanced multi-frame MRE series. A data set being
   * received is held in memory, and briefly twice (buffer and its exact-length copy), so the
   * worst case heap for reception is about {@code 2 * maxAssociations * maxObjectSize}: size the
   * JVM heap or lower this for small appliances.
   */
  public static final long DEFAULT_MAX_OBJECT_SIZE = 512L << 20;
  /** A received data set is held in one array, so no object can be larger than this. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  public ServerConfig {
    acceptedContexts = Map.copyOf(acceptedContexts);
    callingAeAllowList = Set.copyOf(callingAeAllowList);
    if (maxPduLengthReceive < 4096) {
      throw new IllegalArgumentException("maxPduLengthReceive must be at least 4096, was " + maxPduLengthReceive);
    }
    if (maxAssociations < 1 || storeWorkers < 1 || maxObjectSize < 1) {
      throw new IllegalArgumentException("maxAssociations, storeWorkers and maxObjectSize must be positive");
    }
    if (maxObjectSize > MAX_ARRAY) {
      throw new IllegalArgumentException("maxObjectSize must be at most " + MAX_ARRAY + " bytes (one Java array)");
    }
  }

  /** The contract's original ten components; the rest take their defaults. */
  public ServerConfig(String host, int port, String aeTitle, Map<String, Set<String>> acceptedContexts,
                      Set<String> callingAeAllowList, int maxPduLengthReceive, int maxAssociations,
                      Duration artimTimeout, Duration idleTimeout, TlsConfig tls) {
    this(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive, maxAssociations,
        artimTimeout, idleTimeout, tls, DEFAULT_MAX_OBJECT_SIZE, false, 4);
  }

  /** 0.0.0.0:11112, AE "MRE_APPLIANCE", Verification and MR Image Storage in the common syntaxes. */
  public static ServerConfig defaults() {
    Set<String> ts = Set.of(UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
    return new ServerConfig("0.0.0.0", DEFAULT_PORT, "MRE_APPLIANCE",
        Map.of(UID.Verification, ts, "1.2.840.10008.5.1.4.1.1.4", ts,
            "1.2.840.10008.5.1.4.1.1.4.1", ts),
        Set.of(), DEFAULT_MAX_PDU_LENGTH, 16, Duration.ofSeconds(30), Duration.ofSeconds(60), null);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withHost(String host) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withAeTitle(String aeTitle) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withAcceptedContexts(Map<String, Set<String>> acceptedContexts) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withCallingAeAllowList(Set<String> callingAeAllowList) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withMaxPduLengthReceive(int maxPduLengthReceive) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withMaxAssociations(int maxAssociations) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withTimeouts(Duration artimTimeout, Duration idleTimeout) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withTls(TlsConfig tls) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withMaxObjectSize(long maxObjectSize) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withAcceptAnyCalledAe(boolean acceptAnyCalledAe) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }

  public ServerConfig withStoreWorkers(int storeWorkers) {
    return new ServerConfig(host, port, aeTitle, acceptedContexts, callingAeAllowList, maxPduLengthReceive,
        maxAssociations, artimTimeout, idleTimeout, tls, maxObjectSize, acceptAnyCalledAe, storeWorkers);
  }
}
