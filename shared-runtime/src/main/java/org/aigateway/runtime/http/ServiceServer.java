package org.aigateway.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A service's own HTTP port: the health routes plus whatever the service mounts. A negative port
 * means the service serves nothing itself (the launcher serves its routes on the public port).
 */
public final class ServiceServer {

  /** The port value that means "no server of its own". */
  public static final int NONE = -1;

  private final HttpServer server;

  private ServiceServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on {@code port} (0 = any free port) unless it is negative. */
  public static Future<ServiceServer> start(Vertx vertx, int port, Supplier<Future<?>> readiness,
                                            Consumer<Router> routes) {
    if (port < 0) {
      return Future.succeededFuture(new ServiceServer(null));
    }
    Router router = Router.router(vertx);
    HealthRoutes.mount(router, readiness);
    routes.accept(router);
    return vertx.createHttpServer().requestHandler(router).listen(port).map(ServiceServer::new);
  }

  /** The bound port, -1 when there is no server. */
  public int port() {
    return server == null ? NONE : server.actualPort();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
