package org.aigateway.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.aigateway.runtime.cluster.VertxFactory;

/**
 * {@code /healthz} (the process runs), {@code /readyz} (its dependencies answer) and
 * {@code /metrics} (Prometheus text) for a service's own port.
 */
public final class HealthRoutes {

  private HealthRoutes() {
  }

  public static void mount(Router router, Supplier<Future<?>> readiness) {
    router.get("/healthz").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/readyz").handler(ctx -> ready(ctx, readiness));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(VertxFactory.METRICS.scrape()));
  }

  private static void ready(RoutingContext ctx, Supplier<Future<?>> readiness) {
    readiness.get()
        .onSuccess(v -> ctx.json(new JsonObject().put("status", "UP")))
        .onFailure(err -> ctx.response().setStatusCode(503)
            .putHeader("content-type", "application/json")
            .end(new JsonObject().put("status", "DOWN").put("reason", String.valueOf(err.getMessage())).encode()));
  }
}
