package org.aigateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.db.Databases;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdminStartTest {

  @Test
  @DisplayName("A second admin start on the same database migrates nothing and sees the first one's data")
  void secondStartIsNoOp() {
    try (AdminServer first = AdminServer.start()) {
      first.post("/api/group/kept", null);
      AdminApi second = Await.result(AdminApi.create(first.vertx, Settings.of(Map.of("SQL_DSN", first.dsn))));
      Await.result(second.close());
      try (AdminServer third = AdminServer.start(Vertx.vertx(), first.dsn, new JsonObject())) {
        assertThat(third.get("/api/group/kept").status()).isEqualTo(200);
      }
      Pool pool = Databases.pool(first.vertx, first.dsn, 1);
      long applied = Await.result(pool.query("SELECT count(*) FROM schema_migrations WHERE service = 'admin'")
          .execute()).iterator().next().getLong(0);
      Await.result(pool.close());
      assertThat(applied).isEqualTo(AdminApi.MIGRATIONS.size());
    }
  }

  @Test
  @DisplayName("The admin server answers health and readiness probes next to the API")
  void healthRoutes() {
    try (AdminServer server = AdminServer.start()) {
      assertThat(server.send(server.request(HttpMethod.GET, "/healthz"), null).status()).isEqualTo(200);
      assertThat(server.send(server.request(HttpMethod.GET, "/readyz"), null).status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("With DISABLE_MODEL_CONFIG=true a channel may serve a model that has no model config")
  void modelConfigCheckCanBeDisabled() {
    try (AdminServer server = AdminServer.start(new JsonObject().put("DISABLE_MODEL_CONFIG", "true"))) {
      JsonObject channel = new JsonObject().put("type", 1).put("models", new JsonArray().add("unconfigured"));
      assertThat(server.post("/api/channel/", channel).status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("With DISABLE_AUTO_MIGRATE_DB=true the admin waits for an existing schema instead of migrating")
  void noAutoMigrate() {
    try (AdminServer migrated = AdminServer.start()) {
      try (AdminServer server = AdminServer.start(Vertx.vertx(), migrated.dsn,
          new JsonObject().put("DISABLE_AUTO_MIGRATE_DB", "true"))) {
        assertThat(server.get("/api/channels/all").status()).isEqualTo(200);
      }
    }
  }
}
