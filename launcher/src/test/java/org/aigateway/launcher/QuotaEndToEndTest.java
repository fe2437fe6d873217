package org.aigateway.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real spend, end to end: the relay serves, billing charges and publishes balances, the relay
 * refuses. gpt-4o-mini costs 0.15 / 0.6 per 1K tokens and the fake upstream reports 12 input and 6
 * output tokens, so each call costs 0.0054; calls set {@code max_tokens: 6}, which keeps their
 * estimate (about 0.005) under that.
 */
@DisplayName("Quotas, balances and prices with real spend through billing-service")
class QuotaEndToEndTest {

  private static final long DAY = 24L * 60 * 60 * 1000;

  private static FakeOpenAiServer upstream;
  private static MovableClock clock;
  private static SplitServices services;

  @BeforeAll
  static void start(@TempDir Path journal) {
    clock = new MovableClock(System.currentTimeMillis());
    services = new SplitServices(clock, journal, Map.of());
    upstream = Await.result(FakeOpenAiServer.start(services.vertx));
    services.admin.setUp(upstream.baseUrl(), "acme");
  }

  @AfterAll
  static void stop() {
    services.close();
  }

  @BeforeEach
  void healthyUpstream() {
    upstream.reset();
  }

  @Test
  @DisplayName("A key is served until billing reports its quota spent, then refused with 429 insufficient_quota")
  void tokenQuota() {
    String key = token("quota", new JsonObject().put("quota", 0.0108));

    assertThat(chat(key).statusCode()).isEqualTo(200);
    awaitSpend(key, "0.0054");
    assertThat(chat(key).statusCode()).isEqualTo(200);
    awaitSpend(key, "0.0108");

    HttpResponse<Buffer> refused = chat(key);
    assertThat(refused.statusCode()).isEqualTo(429);
    JsonObject error = refused.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("insufficient_quota");
    assertThat(error.getString("message")).contains("total quota");
    assertThat(dashboard("subscription", key).getDouble("hard_limit_usd")).isEqualTo(0.0108);
    assertThat(dashboard("usage", key).getDouble("total_usage")).isEqualTo(1.08);
  }

  @Test
  @DisplayName("A spent daily quota refuses until the clock crosses into the next day, then counts the new day's spend")
  void periodQuotaResets() {
    String key = token("daily", new JsonObject().put("period_quota", 0.0054).put("period_type", "daily"));

    assertThat(chat(key).statusCode()).isEqualTo(200);
    awaitSpend(key, "0.0054");
    HttpResponse<Buffer> refused = chat(key);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("daily quota");

    clock.advance(DAY);
    assertThat(chat(key).statusCode()).as("a new day").isEqualTo(200);
    awaitSpend(key, "0.0108");
    assertThat(chat(key).statusCode()).as("the new day's quota is spent too").isEqualTo(429);
  }

  @Test
  @DisplayName("A group whose balance cannot cover the next call's estimate gets 402 until the admin tops it up")
  void groupBalance() {
    services.admin.admin(HttpMethod.POST, "/api/group/tenant", new JsonObject().put("balance", 0.006));
    String key = ((JsonObject) services.admin.admin(HttpMethod.POST, "/api/token/tenant",
        new JsonObject().put("name", "app"))).getString("key");
    services.relay.awaitModel(key, "gpt-4o-mini");

    assertThat(chat(key).statusCode()).isEqualTo(200);
    awaitSpend(key, "0.0054");
    HttpResponse<Buffer> refused = chat(key);
    assertThat(refused.statusCode()).isEqualTo(402);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("group_balance_not_enough");

    services.admin.admin(HttpMethod.POST, "/api/group/tenant/balance", new JsonObject().put("amount", 1));
    Await.until(() -> Future.succeededFuture(chat(key)), r -> r.statusCode() == 200, 10, "the top-up to apply");
  }

  @Test
  @DisplayName("A streamed and a non-streamed call of the same size are logged and billed at the same amount")
  void streamedBillsLikePlain() {
    services.admin.admin(HttpMethod.POST, "/api/model_config/detail-model", new JsonObject().put("owner", "openai")
        .put("type", 1).put("price", new JsonObject().put("input_price", 0.15).put("output_price", 0.6)
            .put("cached_price", 0.075).put("thinking_mode_output_price", 1.2)));
    services.admin.admin(HttpMethod.POST, "/api/channel/", new JsonObject().put("type", 1).put("name", "detail")
        .put("key", "sk-detail").put("base_url", upstream.baseUrl()).put("models", new JsonArray().add("detail-model")));
    String key = token("stream", new JsonObject());
    services.relay.awaitModel(key, "detail-model");
    upstream.behaviour().usage(40, 9).details(16, 4);

    String plain = chat(key, "detail-model", false).getHeader("X-Request-Id");
    HttpResponse<Buffer> streamed = chat(key, "detail-model", true);
    assertThat(streamed.bodyAsString()).contains("data: [DONE]");

    // (40 - 16) × 0.15 / 1K + 16 × 0.075 / 1K + 9 × 1.2 / 1K (it reasoned: the thinking-mode price)
    JsonArray logs = Await.until(() -> Future.succeededFuture(logs("acme")),
        l -> amountOf(l, plain) != null && amountOf(l, streamed.getHeader("X-Request-Id")) != null, 20, "both logs");
    assertThat(amountOf(logs, plain)).isEqualByComparingTo("0.0156");
    assertThat(amountOf(logs, streamed.getHeader("X-Request-Id"))).isEqualByComparingTo("0.0156");
    awaitSpend(key, "0.0312");
  }

  @Test
  @DisplayName("A group model config made through admin changes the price and limit of that group only")
  void groupModelConfig() {
    String premium = groupWithToken("premium");
    String standard = groupWithToken("standard");
    services.admin.admin(HttpMethod.POST, "/api/group/premium/model_config/gpt-4o-mini", new JsonObject()
        .put("override_limit", true).put("rpm", 2)
        .put("override_price", true).put("price", new JsonObject().put("input_price", 1.5).put("output_price", 6)));

    HttpResponse<Buffer> counted = Await.until(() -> Future.succeededFuture(chat(premium)),
        r -> "2".equals(r.getHeader("X-RateLimit-Limit-Requests")), 10, "the override to reach the relay");
    assertThat(chat(premium).statusCode()).isEqualTo(200);
    assertThat(chat(premium).statusCode()).as("rpm 2 for premium").isEqualTo(429);
    HttpResponse<Buffer> other = chat(standard);
    assertThat(other.getHeader("X-RateLimit-Limit-Requests")).isNull();
    for (int i = 0; i < 3; i++) {
      assertThat(chat(standard).statusCode()).isEqualTo(200);
    }

    JsonArray premiumLogs = Await.until(() -> Future.succeededFuture(logs("premium")),
        l -> amountOf(l, counted.getHeader("X-Request-Id")) != null, 20, "the premium log");
    assertThat(amountOf(premiumLogs, counted.getHeader("X-Request-Id"))).isEqualByComparingTo("0.054");
    JsonArray standardLogs = Await.until(() -> Future.succeededFuture(logs("standard")),
        l -> amountOf(l, other.getHeader("X-Request-Id")) != null, 20, "the standard log");
    assertThat(amountOf(standardLogs, other.getHeader("X-Request-Id"))).isEqualByComparingTo("0.0054");
  }

  private String token(String name, JsonObject limits) {
    JsonObject token = (JsonObject) services.admin.admin(HttpMethod.POST, "/api/token/acme", limits.put("name", name));
    services.relay.awaitModel(token.getString("key"), "gpt-4o-mini");
    return token.getString("key");
  }

  private String groupWithToken(String group) {
    services.admin.admin(HttpMethod.POST, "/api/group/" + group, new JsonObject());
    String key = ((JsonObject) services.admin.admin(HttpMethod.POST, "/api/token/" + group,
        new JsonObject().put("name", "app"))).getString("key");
    services.relay.awaitModel(key, "gpt-4o-mini");
    return key;
  }

  private static HttpResponse<Buffer> chat(String key) {
    return chat(key, "gpt-4o-mini", false);
  }

  private static HttpResponse<Buffer> chat(String key, String model, boolean stream) {
    return services.relay.relay(HttpMethod.POST, "/v1/chat/completions", key,
        GatewayEndToEndTest.chatBody(stream).put("model", model).put("max_tokens", 6));
  }

  private static JsonObject dashboard(String what, String key) {
    return services.relay.relay(HttpMethod.GET, "/v1/dashboard/billing/" + what, key, null).bodyAsJsonObject();
  }

  /** Waits until the relay's balance book, fed by billing, shows the key's total spend. */
  private static void awaitSpend(String key, String amount) {
    double cents = new BigDecimal(amount).movePointRight(2).doubleValue();
    Await.until(() -> Future.succeededFuture(dashboard("usage", key)), u -> u.getDouble("total_usage") == cents, 20,
        "the spend of " + amount + " to reach the relay");
  }

  /** The group's logs up to the test clock's time (which may run ahead of admin's). */
  private static JsonArray logs(String group) {
    String range = "?per_page=100&end_timestamp=" + (clock.millis() + 60_000);
    return ((JsonObject) services.admin.admin(HttpMethod.GET, "/api/log/" + group + range, null))
        .getJsonArray("logs");
  }

  private static BigDecimal amountOf(JsonArray logs, String requestId) {
    return logs.stream().map(JsonObject.class::cast).filter(l -> requestId.equals(l.getString("request_id")))
        .findFirst().map(l -> new BigDecimal(l.getValue("used_amount").toString())).orElse(null);
  }
}
