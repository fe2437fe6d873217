package org.aigateway.launcher;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aigateway.billing.BillingVerticle;
import org.aigateway.log.LogVerticle;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.cluster.ClusterConfig;
import org.aigateway.runtime.cluster.VertxFactory;

/**
 * The all-in-one gateway: every service in one JVM, relay and admin on one public port. The event
 * bus is local unless {@code CLUSTER_ENABLED=true}; the database is an embedded PostgreSQL unless
 * {@code SQL_DSN} is set. {@code GATEWAY_SERVICES} chooses which services this process runs.
 */
public final class Gateway {

  /** The services a process can run; all of them when {@code GATEWAY_SERVICES} is unset. */
  static final List<String> KNOWN = List.of("log", "billing", "gateway");

  private final Vertx vertx;
  private final EmbeddedDatabase embedded;
  private final GatewayVerticle gateway;

  private Gateway(Vertx vertx, EmbeddedDatabase embedded, GatewayVerticle gateway) {
    this.vertx = vertx;
    this.embedded = embedded;
    this.gateway = gateway;
  }

  /** Starts the gateway; blocks while an embedded database starts, so call it off the event loop. */
  public static Future<Gateway> start(Settings settings) {
    EmbeddedDatabase embedded = null;
    JsonObject effective = settings.asJson()
        .put("RELAY_PORT", -1).put("ADMIN_PORT", -1).put("BILLING_PORT", -1).put("LOG_PORT", -1);
    if (settings.string("SQL_DSN", "").isEmpty()) {
      Path dataDir = Path.of(settings.string("DATA_DIR", "./data"), "postgres");
      embedded = EmbeddedDatabase.start(dataDir, settings.integer("EMBEDDED_PG_PORT", 0));
      effective.put("SQL_DSN", embedded.dsn());
    }
    EmbeddedDatabase database = embedded;
    Set<String> services = services(settings);
    GatewayVerticle gateway = new GatewayVerticle();
    return VertxFactory.create(ClusterConfig.from(settings, false))
        .compose(vertx -> deployAll(vertx, services, gateway, effective)
            .map(v -> new Gateway(vertx, database, gateway))
            .recover(err -> vertx.close().transform(v -> {
              closeQuietly(database);
              return Future.failedFuture(err);
            })));
  }

  private static Future<Void> deployAll(Vertx vertx, Set<String> services, GatewayVerticle gateway, JsonObject config) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    // Consumers first, so that the relay's first events find them; the gateway verticle migrates
    // the admin tables the relay reads.
    return deployIf(vertx, services.contains("log"), LogVerticle::new, options)
        .compose(v -> deployIf(vertx, services.contains("billing"), BillingVerticle::new, options))
        .compose(v -> deployIf(vertx, services.contains("gateway"), () -> gateway, options));
  }

  private static Future<Void> deployIf(Vertx vertx, boolean wanted, Supplier<? extends Deployable> verticle,
                                       DeploymentOptions options) {
    return wanted ? vertx.deployVerticle(verticle.get(), options).mapEmpty() : Future.succeededFuture();
  }

  static Set<String> services(Settings settings) {
    Set<String> services = Arrays.stream(settings.string("GATEWAY_SERVICES", String.join(",", KNOWN)).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
    List<String> unknown = services.stream().filter(s -> !KNOWN.contains(s)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("GATEWAY_SERVICES has unknown services " + unknown + "; known: " + KNOWN);
    }
    return services;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The public port (useful when LISTEN asked for port 0). */
  public int port() {
    return gateway.port();
  }

  /** Undeploys every service (the relay drains its outbox), then stops the embedded database. */
  public Future<Void> stop() {
    return vertx.close().onComplete(v -> closeQuietly(embedded));
  }

  private static void closeQuietly(EmbeddedDatabase database) {
    if (database != null) {
      database.close();
    }
  }
}
