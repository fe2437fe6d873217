package org.aigateway.admin;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.http.ServiceServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin-service's composition root: builds the {@link AdminApi} and serves it on
 * {@code ADMIN_PORT} with the health routes ({@code -1}: no server of its own).
 */
public final class AdminVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AdminVerticle.class);

  private AdminApi api;
  private ServiceServer server;

  @Override
  public Future<?> start() {
    Settings settings = Settings.load(config());
    int port = AdminSettings.from(settings).port();
    return AdminApi.create(vertx, settings)
        .compose(created -> {
          api = created;
          return ServiceServer.start(vertx, port, api::ready, api::mount);
        })
        .onSuccess(started -> {
          server = started;
          LOG.info("admin-service started (port {})", started.port());
        })
        .recover(err -> stop().transform(v -> Future.failedFuture(err)));
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> api == null ? Future.succeededFuture() : api.close());
  }

  /** The port the server listens on, -1 when it has none. */
  public int port() {
    return server == null ? ServiceServer.NONE : server.port();
  }
}
