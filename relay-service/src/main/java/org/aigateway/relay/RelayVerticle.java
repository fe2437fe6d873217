package org.aigateway.relay;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.http.HealthRoutes;

/** Runs the relay alone: the {@link RelayApi} on its own port ({@code RELAY_PORT}) with health routes. */
public final class RelayVerticle extends VerticleBase {

  private RelayApi api;
  private HttpServer server;

  @Override
  public Future<?> start() {
    Settings settings = Settings.load(config());
    int port = RelayConfig.from(settings).port();
    return RelayApi.create(vertx, settings)
        .compose(created -> {
          api = created;
          return port < 0 ? Future.succeededFuture() : listen(port);
        });
  }

  private Future<HttpServer> listen(int port) {
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, api::ready);
    api.mount(router);
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(port)
        .onSuccess(listening -> server = listening);
  }

  /** The port the relay listens on, -1 when it has no server of its own. */
  public int port() {
    return server == null ? -1 : server.actualPort();
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> api == null ? Future.succeededFuture() : api.close());
  }
}
