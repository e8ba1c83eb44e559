// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.net;

import io.vertx.core.Vertx;

/** A restartable Vert.x timer (ARTIM, idle, response): at most one pending expiry. */
final class OneShotTimer {

  private final Vertx vertx;
  private long id = -1;

  OneShotTimer(Vertx vertx) {
    this.vertx = vertx;
  }

  /** (Re)starts: a pending expiry is cancelled first. */
  void start(long millis, Runnable onExpiry) {
    stop();
    id = vertx.setTimer(Math.max(1, millis), t -> {
      id = -1;
      onExpiry.run();
    });
  }

  void stop() {
    if (id != -1) {
      vertx.cancelTimer(id);
      id = -1;
    }
  }
}
