// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import dev.mre.dicom.net.service.DimseServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM acceptor on a Vert.x NetServer: one {@link Association} per connection, on the
 * connection's event loop. {@link #start} completes only after listen() succeeded. Store handlers
 * run on the shared worker pool "dicom-store". Over {@code maxAssociations} a new association gets
 * A-ASSOCIATE-RJ (rejected-transient, source 3, local-limit-exceeded) and is closed.
 */
public final class DicomServer {

  private static final Logger LOG = LoggerFactory.getLogger(DicomServer.class);

  private final ServerConfig cfg;
  private final NetServer netServer;
  private final WorkerExecutor storeExecutor;
  private final Set<Association> active = ConcurrentHashMap.newKeySet();
  private final AtomicInteger admitted = new AtomicInteger();

  private DicomServer(ServerConfig cfg, NetServer netServer, WorkerExecutor storeExecutor) {
    this.cfg = cfg;
    this.netServer = netServer;
    this.storeExecutor = storeExecutor;
  }

  public static Future<DicomServer> start(Vertx vertx, ServerConfig cfg, DimseServices services) {
    NetServerOptions options = Tls.server(new NetServerOptions().setHost(cfg.host()).setPort(cfg.port())
        .setTcpNoDelay(true), cfg.tls());
    NetServer net = vertx.createNetServer(options);
    // shared by name: servers in one Vert.x instance use one pool (the first one's size); a store
    // may take long on a slow disk, so blocked-thread warnings start only after 5 minutes
    WorkerExecutor store = vertx.createSharedWorkerExecutor("dicom-store", cfg.storeWorkers(), 5,
        java.util.concurrent.TimeUnit.MINUTES);
    DicomServer server = new DicomServer(cfg, net, store);
    net.connectHandler(socket -> {
      // connections arrive on several event loops: admit with one atomic step
      boolean overLimit = server.admitted.incrementAndGet() > cfg.maxAssociations();
      if (overLimit) {
        server.admitted.decrementAndGet();
      }
      Association as = Association.accept(vertx, socket, cfg, services, store, overLimit);
      if (!overLimit) {
        server.active.add(as);
        as.closeFuture().onComplete(v -> {
          server.active.remove(as);
          server.admitted.decrementAndGet();
        });
      }
    });
    return net.listen().map(s -> {
      LOG.info("DICOM server {} listening on {}:{}{}", cfg.aeTitle(), cfg.host(), s.actualPort(),
          cfg.tls() == null ? "" : " (TLS)");
      return server;
    }).onFailure(e -> store.close());
  }

  /** The bound port (useful with port 0). */
  public int actualPort() {
    return netServer.actualPort();
  }

  public ServerConfig config() {
    return cfg;
  }

  /** Associations currently counted against {@code maxAssociations}. */
  public int activeAssociations() {
    return active.size();
  }

  /** Stops listening, aborts open associations and closes the worker pool. */
  public Future<Void> close() {
    active.forEach(Association::abort);
    return netServer.close().eventually(storeExecutor::close);
  }
}
