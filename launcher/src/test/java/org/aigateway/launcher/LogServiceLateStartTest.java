package org.aigateway.launcher;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aigateway.log.LogVerticle;
import org.aigateway.protocol.config.Settings;
import org.aigateway.runtime.db.Databases;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.TestDatabases;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Requests served while log-service is down are all logged, once, when it starts")
class LogServiceLateStartTest {

  private static final int REQUESTS = 30;

  @Test
  @DisplayName("log-service starts after thirty calls were served: thirty log rows, one per request id")
  void logsArriveOnceWhenLogServiceStarts(@TempDir Path journal) {
    Vertx vertx = Vertx.vertx();
    FakeOpenAiServer upstream = Await.result(FakeOpenAiServer.start(vertx));
    String dsn = TestDatabases.freshDatabase(vertx);
    Gateway gateway = Await.result(Gateway.start(Settings.of(Map.of(
        "SQL_DSN", dsn,
        "REDIS_CONN_STRING", TestRedis.uri(),
        "ADMIN_KEY", GatewayClient.ADMIN_KEY,
        "LISTEN", "127.0.0.1:0",
        "GATEWAY_SERVICES", "billing,gateway",
        "OUTBOX_JOURNAL_DIR", journal.toString(),
        "OUTBOX_FLUSH_INTERVAL_MS", "20"))), 60);
    GatewayClient client = new GatewayClient(vertx, gateway.port());
    Pool db = Databases.pool(vertx, dsn, 2);
    try {
      String key = client.setUp(upstream.baseUrl(), "late").getString("key");
      client.awaitModel(key, "gpt-4o-mini");
      Set<String> requestIds = serve(client, key);

      Await.result(gateway.vertx().deployVerticle(new LogVerticle(), new DeploymentOptions()
          .setConfig(new JsonObject().put("SQL_DSN", dsn).put("LOG_PORT", -1))));

      Await.until(() -> loggedIds(db), ids -> ids.size() == REQUESTS, 30, "every request to be logged");
      assertThat(new HashSet<>(Await.result(loggedIds(db)))).isEqualTo(requestIds);
    } finally {
      db.close();
      client.close();
      Await.result(gateway.stop(), 60);
      Await.result(vertx.close());
    }
  }

  private static Set<String> serve(GatewayClient client, String key) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<Buffer> response = client.relay(HttpMethod.POST, "/v1/chat/completions", key,
          GatewayEndToEndTest.chatBody(i % 2 == 0));
      assertThat(response.statusCode()).isEqualTo(200);
      ids.add(response.getHeader("X-Request-Id"));
    }
    assertThat(ids).hasSize(REQUESTS);
    return ids;
  }

  private static Future<List<String>> loggedIds(Pool db) {
    return db.query("SELECT request_id FROM logs").execute()
        .map(rows -> {
          List<String> ids = new ArrayList<>();
          for (Row row : rows) {
            ids.add(row.getString(0));
          }
          return ids;
        })
        .recover(err -> Future.succeededFuture(List.of()));
  }
}
