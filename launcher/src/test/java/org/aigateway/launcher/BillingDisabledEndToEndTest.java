package org.aigateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.TestDatabases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("BILLING_ENABLED=false, end to end")
class BillingDisabledEndToEndTest {

  @Test
  @DisplayName("Requests are logged with their amounts and counted, but nothing is charged, so a small quota never runs out")
  void recordsWithoutCharging(@TempDir Path journal) {
    Vertx vertx = Vertx.vertx();
    FakeOpenAiServer upstream = Await.result(FakeOpenAiServer.start(vertx));
    Gateway gateway = Await.result(Gateway.start(Settings.of(Map.of(
        "SQL_DSN", TestDatabases.freshDatabase(vertx),
        "ADMIN_KEY", GatewayClient.ADMIN_KEY,
        "LISTEN", "127.0.0.1:0",
        "BILLING_ENABLED", "false",
        "OUTBOX_JOURNAL_DIR", journal.toString(),
        "OUTBOX_FLUSH_INTERVAL_MS", "20"))), 60);
    GatewayClient client = new GatewayClient(vertx, gateway.port());
    try {
      client.setUp(upstream.baseUrl(), "free");
      JsonObject token = (JsonObject) client.admin(HttpMethod.POST, "/api/token/free",
          new JsonObject().put("name", "small").put("quota", 0.006));
      String key = token.getString("key");
      client.awaitModel(key, "gpt-4o-mini");

      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        var response = client.relay(HttpMethod.POST, "/v1/chat/completions", key,
            GatewayEndToEndTest.chatBody(i == 1).put("max_tokens", 6));
        assertThat(response.statusCode()).as("call %d", i).isEqualTo(200);
        ids.add(response.getHeader("X-Request-Id"));
        Await.until(() -> Future.succeededFuture((JsonObject) client.admin(HttpMethod.GET,
                "/api/token/free/" + token.getLong("id"), null)),
            t -> t.getLong("request_count") == ids.size(), 20, "billing to count the call");
      }

      JsonObject billed = (JsonObject) client.admin(HttpMethod.GET, "/api/token/free/" + token.getLong("id"), null);
      assertThat(new BigDecimal(billed.getValue("used_amount").toString())).isZero();
      JsonArray logs = Await.until(() -> Future.succeededFuture(
              ((JsonObject) client.admin(HttpMethod.GET, "/api/log/free?per_page=50", null)).getJsonArray("logs")),
          l -> l.size() == 3, 20, "three log rows");
      logs.stream().map(JsonObject.class::cast).forEach(log ->
          assertThat(new BigDecimal(log.getValue("used_amount").toString())).isEqualByComparingTo("0.0054"));
      assertThat(client.relay(HttpMethod.GET, "/v1/dashboard/billing/usage", key, null).bodyAsJsonObject()
          .getDouble("total_usage")).isZero();
    } finally {
      client.close();
      Await.result(gateway.stop(), 60);
      Await.result(vertx.close());
    }
  }
}
