package org.aigateway.log;

import static org.aigateway.log.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.ErrorCode;
import org.aigateway.protocol.event.UsageBatch;
import org.aigateway.testsupport.Await;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LogVerticleTest {

  @Test
  @DisplayName("A second log-service started on the same database applies no migration again and works")
  void secondStart(Vertx vertx) {
    LogFixture fixture = LogFixture.start(vertx);

    fixture.deploy(new LogVerticle(), new JsonObject().put("LOG_SQL_DSN", fixture.dsn).put("LOG_PORT", -1));

    assertThat(fixture.count("SELECT count(*) FROM schema_migrations WHERE service = 'log'")).isEqualTo(1);
    fixture.send(Addresses.LOG_RECORD, List.of(event("second-1").build()));
    fixture.send(Addresses.LOG_RECORD, List.of(event("second-1").build()));
    assertThat(fixture.count("SELECT count(*) FROM logs")).isEqualTo(1);
    fixture.close();
  }

  @Test
  @DisplayName("readyz and healthz answer UP on LOG_PORT while the database answers")
  void health(Vertx vertx) {
    LogFixture fixture = LogFixture.fresh(vertx).deployed(new JsonObject().put("LOG_PORT", 0));
    WebClient client = WebClient.create(vertx);

    HttpResponse<Buffer> ready = Await.result(client.get(fixture.verticle.httpPort(), "127.0.0.1", "/readyz").send());
    HttpResponse<Buffer> healthy = Await.result(client.get(fixture.verticle.httpPort(), "127.0.0.1", "/healthz").send());

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(healthy.statusCode()).isEqualTo(200);
    fixture.close();
  }

  @Test
  @DisplayName("Logs live in LOG_SQL_DSN when it is set, else in SQL_DSN")
  void logDatabase(Vertx vertx) {
    LogFixture main = LogFixture.fresh(vertx);
    LogFixture logs = LogFixture.fresh(vertx);

    logs.deploy(new LogVerticle(), new JsonObject().put("SQL_DSN", main.dsn).put("LOG_SQL_DSN", logs.dsn)
        .put("LOG_PORT", -1));
    assertThat(logs.hasTable("logs")).isTrue();
    assertThat(main.hasTable("logs")).isFalse();

    main.deploy(new LogVerticle(), new JsonObject().put("SQL_DSN", main.dsn).put("LOG_SQL_DSN", "")
        .put("LOG_PORT", -1));
    assertThat(main.hasTable("logs")).isTrue();
    main.close();
    logs.close();
  }

  @Test
  @DisplayName("Without migration and without the table a batch fails UNAVAILABLE, and succeeds once the schema exists")
  void unavailableThenRetried(Vertx vertx) {
    LogFixture fixture = LogFixture.fresh(vertx)
        .deployed(new JsonObject().put("LOG_PORT", -1).put("DISABLE_AUTO_MIGRATE_DB", "true"));
    UsageBatch batch = new UsageBatch(List.of(event("retry-1").build()));

    assertThat(fixture.hasTable("logs")).isFalse();
    assertThat(fixture.failure(Addresses.LOG_RECORD, batch).failureCode()).isEqualTo(ErrorCode.UNAVAILABLE.code());

    fixture.deploy(new LogVerticle(), new JsonObject().put("LOG_SQL_DSN", fixture.dsn).put("LOG_PORT", -1));
    assertThat(fixture.request(Addresses.LOG_RECORD, batch).getInteger("stored")).isEqualTo(1);
    assertThat(fixture.count("SELECT count(*) FROM logs WHERE request_id = 'retry-1'")).isEqualTo(1);
    fixture.close();
  }
}
