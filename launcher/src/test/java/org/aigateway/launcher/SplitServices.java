package org.aigateway.launcher;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.aigateway.admin.AdminVerticle;
import org.aigateway.billing.BillingVerticle;
import org.aigateway.log.LogVerticle;
import org.aigateway.relay.RelayVerticle;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.TestDatabases;

/**
 * Every service deployed on its own in one Vert.x (local event bus, one fresh database): admin and
 * the relay on ports of their own, billing and the relay on one clock the test moves.
 */
final class SplitServices implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final GatewayClient admin;
  final GatewayClient relay;

  SplitServices(Clock clock, Path journal, Map<String, Object> settings) {
    JsonObject config = new JsonObject()
        .put("SQL_DSN", TestDatabases.freshDatabase(vertx))
        .put("ADMIN_KEY", GatewayClient.ADMIN_KEY)
        .put("ADMIN_PORT", 0).put("RELAY_PORT", 0).put("BILLING_PORT", -1).put("LOG_PORT", -1)
        .put("OUTBOX_JOURNAL_DIR", journal.toString())
        .put("OUTBOX_FLUSH_INTERVAL_MS", 20);
    settings.forEach(config::put);
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    AdminVerticle adminVerticle = new AdminVerticle();
    RelayVerticle relayVerticle = new RelayVerticle(clock);
    Await.result(vertx.deployVerticle(new LogVerticle(), options), 60);
    Await.result(vertx.deployVerticle(new BillingVerticle(clock), options), 60);
    Await.result(vertx.deployVerticle(adminVerticle, options), 60);
    Await.result(vertx.deployVerticle(relayVerticle, options), 60);
    admin = new GatewayClient(vertx, adminVerticle.port());
    relay = new GatewayClient(vertx, relayVerticle.port());
  }

  @Override
  public void close() {
    admin.close();
    relay.close();
    Await.result(vertx.close(), 60);
  }
}
