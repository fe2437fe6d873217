package org.aigateway.launcher;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.aigateway.admin.AdminApi;
import org.aigateway.protocol.config.Settings;
import org.aigateway.relay.RelayApi;
import org.aigateway.runtime.http.HealthRoutes;

/**
 * The one public port of the all-in-one gateway: the relay's {@code /v1} routes and the admin
 * {@code /api} routes on one server, as the original serves them.
 */
public final class GatewayVerticle extends VerticleBase {

  private AdminApi admin;
  private RelayApi relay;
  private HttpServer server;

  @Override
  public Future<?> start() {
    Settings settings = Settings.load(config());
    Listen listen = Listen.parse(settings.string("LISTEN", ":3000"));
    return AdminApi.create(vertx, settings)
        .compose(adminApi -> {
          admin = adminApi;
          return RelayApi.create(vertx, settings);
        })
        .compose(relayApi -> {
          relay = relayApi;
          Router router = Router.router(vertx);
          HealthRoutes.mount(router, () -> Future.all(admin.ready(), relay.ready()));
          admin.mount(router);
          relay.mount(router);
          return vertx.createHttpServer().requestHandler(router).listen(listen.port(), listen.host());
        })
        .onSuccess(s -> server = s);
  }

  /** The port actually bound (differs from LISTEN when it asked for port 0). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    Future<?> closed = server == null ? Future.succeededFuture() : server.close();
    return closed
        .compose(v -> relay == null ? Future.succeededFuture() : relay.close())
        .compose(v -> admin == null ? Future.succeededFuture() : admin.close());
  }
}
