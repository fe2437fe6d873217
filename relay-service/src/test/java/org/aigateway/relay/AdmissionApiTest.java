package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.Addresses;
import org.aigateway.protocol.event.BalanceChanged;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.event.ConfigChanged.Op;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.GroupBalance;
import org.aigateway.protocol.model.Price;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.TokenBalance;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One relay without Redis (limits per instance) and without billing-service: balances arrive as
 * the balance events billing would publish. The fake upstream reports 12 input and 6 output tokens.
 */
@DisplayName("Admission: rate limits, group model overrides, quotas and balances, and the billing dashboard")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionApiTest {

  private static final String K1 = Fixtures.newKey();
  private static final String K2 = Fixtures.newKey();
  private static final String QUOTA = Fixtures.newKey();
  private static final String SPENT_GROUP = Fixtures.newKey();
  private static final String NEARLY_EMPTY = Fixtures.newKey();
  private static final String DASHBOARD = Fixtures.newKey();
  private static final String ANTHROPIC_CLIENT = Fixtures.newKey();
  private static final Price BASE = Fixtures.price("0.15", "0.6");
  private static final Price GROUP_PRICE = Fixtures.price("1.5", "6");

  private RelayHarness harness;
  private long quotaToken;
  private long dashboardToken;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    FakeOpenAiServer upstream = harness.fake();
    FakeOpenAiServer broken = harness.fake();
    broken.behaviour().fail(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
    for (String group : List.of("g1", "g2", "g3", "g4", "g5", "g6", "g7")) {
      harness.fixtures.group(group, Status.ENABLED, List.of("default"));
    }
    harness.fixtures.token(K1, "k1", "g1", List.of(), Status.ENABLED);
    harness.fixtures.token(K2, "k2", "g2", List.of(), Status.ENABLED);
    quotaToken = harness.fixtures.token(QUOTA, "quota", "g3", List.of(), Status.ENABLED);
    harness.fixtures.token(SPENT_GROUP, "spent", "g4", List.of(), Status.ENABLED);
    harness.fixtures.token(NEARLY_EMPTY, "nearly", "g5", List.of(), Status.ENABLED);
    dashboardToken = harness.fixtures.token(DASHBOARD, "dash", "g6", List.of(), Status.ENABLED);
    harness.fixtures.token(ANTHROPIC_CLIENT, "anthropic", "g7", List.of(), Status.ENABLED);
    sql("UPDATE tokens SET quota = 0.01 WHERE id = $1", Tuple.of(quotaToken));
    sql("UPDATE tokens SET quota = 10 WHERE id = $1", Tuple.of(dashboardToken));
    sql("UPDATE groups SET balance = 1 WHERE id = 'g4'", Tuple.tuple());
    sql("UPDATE groups SET balance = 0.01 WHERE id = 'g5'", Tuple.tuple());
    sql("UPDATE groups SET balance = 20 WHERE id = 'g6'", Tuple.tuple());
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk", List.of("limited", "priced", "override"), Map.of());
    harness.fixtures.openAiChannel(broken.baseUrl(), "sk", List.of("flaky"), Map.of());
    harness.fixtures.openAiChannel(broken.baseUrl(), "sk", List.of("flaky"), Map.of());
    for (String model : List.of("limited", "priced", "override", "flaky")) {
      harness.fixtures.chatModel(model, BASE);
    }
    sql("UPDATE model_configs SET rpm = 2 WHERE model = 'limited'", Tuple.tuple());
    overrideLimitAndPrice("g1", "override", 1, GROUP_PRICE);
    sql("INSERT INTO group_model_configs (group_id, model, override_retry_times, retry_times) "
        + "VALUES ('g1', 'flaky', true, 1)", Tuple.tuple());
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("A group x model RPM limit admits its requests with X-RateLimit headers, then answers 429 in OpenAI's shape; other groups and internal callers are not limited")
  void requestLimit() {
    HttpResponse<Buffer> first = chat(K1, "limited");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.getHeader("X-RateLimit-Limit-Requests")).isEqualTo("2");
    assertThat(first.getHeader("X-RateLimit-Remaining-Requests")).isEqualTo("1");
    assertThat(first.getHeader("X-RateLimit-Reset-Requests")).endsWith("s");
    assertThat(chat(K1, "limited").getHeader("X-RateLimit-Remaining-Requests")).isEqualTo("0");

    HttpResponse<Buffer> refused = chat(K1, "limited");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", new JsonObject()
        .put("message", "request rate limit exceeded, please try again later").put("type", "aiproxy_error")
        .put("param", null).put("code", "request_rate_limit_exceeded")));
    assertThat(refused.getHeader("X-RateLimit-Remaining-Requests")).isEqualTo("0");
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);

    assertThat(chat(K2, "limited").statusCode()).as("another group has its own window").isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      HttpResponse<Buffer> internal = chat(RelayHarness.ADMIN_KEY, "limited");
      assertThat(internal.statusCode()).isEqualTo(200);
      assertThat(internal.getHeader("X-RateLimit-Limit-Requests")).isNull();
    }
  }

  @Test
  @DisplayName("A rate-limited Anthropic client gets its 429 in Anthropic's error shape, with the X-RateLimit headers")
  void requestLimitInCallersProtocol() {
    JsonObject message = new JsonObject().put("model", "limited").put("max_tokens", 16)
        .put("messages", new JsonArray()
            .add(new JsonObject().put("role", "user").put("content", "Say hello")));
    assertThat(harness.post("/v1/messages", ANTHROPIC_CLIENT, message).statusCode()).isEqualTo(200);
    assertThat(harness.post("/v1/messages", ANTHROPIC_CLIENT, message).statusCode()).isEqualTo(200);

    HttpResponse<Buffer> refused = harness.post("/v1/messages", ANTHROPIC_CLIENT, message);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonObject body = refused.bodyAsJsonObject();
    assertThat(body.getString("type")).isEqualTo("error");
    assertThat(body.getJsonObject("error").getString("type")).isEqualTo("rate_limit_error");
    assertThat(body.getJsonObject("error").getString("message")).contains("rate limit exceeded");
    assertThat(refused.getHeader("X-RateLimit-Remaining-Requests")).isEqualTo("0");
  }

  @Test
  @DisplayName("A group model config changes the price and limits of that group only, and follows its config events")
  void groupOverride() {
    HttpResponse<Buffer> overridden = chat(K1, "override");
    assertThat(overridden.statusCode()).isEqualTo(200);
    RelayCompleted event = harness.event(overridden.getHeader(RequestIds.HEADER));
    assertThat(event.price()).isEqualTo(GROUP_PRICE);
    assertThat(event.amount().total()).isEqualByComparingTo("0.054"); // 12 × 1.5 / 1K + 6 × 6 / 1K
    assertThat(chat(K1, "override").statusCode()).as("rpm 1 for g1").isEqualTo(429);
    for (int i = 0; i < 3; i++) {
      HttpResponse<Buffer> other = chat(K2, "override");
      assertThat(other.statusCode()).isEqualTo(200);
      assertThat(harness.event(other.getHeader(RequestIds.HEADER)).amount().total()).isEqualByComparingTo("0.0054");
    }

    sql("DELETE FROM group_model_configs WHERE group_id = 'g1' AND model = 'override'", Tuple.tuple());
    harness.publish(Kind.GROUP_MODEL_CONFIG, "g1/override", Op.DELETE);
    HttpResponse<Buffer> base = Await.until(() -> Future.succeededFuture(chat(K1, "override")),
        r -> r.statusCode() == 200, 10, "g1 to lose its override");
    assertThat(harness.event(base.getHeader(RequestIds.HEADER)).price()).isEqualTo(BASE);

    overrideLimitAndPrice("g2", "override", 0, GROUP_PRICE);
    harness.publish(Kind.GROUP_MODEL_CONFIG, "g2/override", Op.UPSERT);
    Await.until(() -> Future.succeededFuture(harness.event(chat(K2, "override").getHeader(RequestIds.HEADER))),
        e -> e.price().equals(GROUP_PRICE), 10, "g2 to get the override");
  }

  @Test
  @DisplayName("A group's retry_times override gives its requests another attempt on a second channel")
  void retryOverride() {
    RelayCompleted overridden = harness.event(chat(K1, "flaky").getHeader(RequestIds.HEADER));
    RelayCompleted base = harness.event(chat(K2, "flaky").getHeader(RequestIds.HEADER));
    assertThat(overridden.status()).isEqualTo(500);
    assertThat(overridden.attempts()).hasSize(2);
    assertThat(base.attempts()).hasSize(1);
  }

  @Test
  @DisplayName("A key whose quota billing reports spent gets 429 insufficient_quota; its period type travels in each usage event")
  void spentQuota() {
    // With 0.01 of quota, only a request that limits its output fits the estimate.
    HttpResponse<Buffer> served = chat(QUOTA, "priced", 5);
    assertThat(served.statusCode()).isEqualTo(200);
    RelayCompleted event = harness.event(served.getHeader(RequestIds.HEADER));
    assertThat(event.tokenPeriodType()).isEqualTo("monthly");
    assertThat(event.tokenPeriodAnchor()).isPositive();

    publish(new BalanceChanged(List.of(new TokenBalance(quotaToken, "g3", new BigDecimal("0.01"), 2, "monthly",
        0, BigDecimal.ZERO)), List.of(), 0));
    HttpResponse<Buffer> refused = Await.until(() -> Future.succeededFuture(chat(QUOTA, "priced", 5)),
        r -> r.statusCode() != 200, 10, "the spent quota to refuse");
    assertThat(refused.statusCode()).isEqualTo(429);
    JsonObject error = refused.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("insufficient_quota");
    assertThat(error.getString("code")).isEqualTo("insufficient_quota");
    assertThat(error.getString("message")).contains("total quota");
  }

  @Test
  @DisplayName("A group whose balance is spent gets 402 group_balance_not_enough; internal callers are never checked")
  void spentGroup() {
    publish(new BalanceChanged(List.of(), List.of(new GroupBalance("g4", BigDecimal.ONE, 40)), 0));
    HttpResponse<Buffer> refused = Await.until(() -> Future.succeededFuture(chat(SPENT_GROUP, "priced")),
        r -> r.statusCode() != 200, 10, "the spent balance to refuse");
    assertThat(refused.statusCode()).isEqualTo(402);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("group_balance_not_enough");
    assertThat(chat(RelayHarness.ADMIN_KEY, "priced").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A request whose estimate exceeds a nearly empty balance is refused before it runs; a smaller one is served")
  void estimate() {
    // 0.01 left; 1000 output tokens at 0.6 / 1K would cost 0.6, 5 would cost about 0.005.
    HttpResponse<Buffer> large = chat(NEARLY_EMPTY, "priced", 1000);
    assertThat(large.statusCode()).isEqualTo(402);
    assertThat(large.bodyAsJsonObject().getJsonObject("error").getString("message")).contains("0.01 left");
    assertThat(chat(NEARLY_EMPTY, "priced", 5).statusCode()).isEqualTo(200);
    assertThat(chat(NEARLY_EMPTY, "priced").statusCode()).as("1024 output tokens assumed without max_tokens")
        .isEqualTo(402);
  }

  @Test
  @DisplayName("The billing dashboard reports the key's spend in cents and its limit as spend + what is left")
  void dashboard() {
    publish(new BalanceChanged(List.of(new TokenBalance(dashboardToken, "g6", new BigDecimal("2.5"), 9, "monthly",
        0, BigDecimal.ZERO)), List.of(new GroupBalance("g6", new BigDecimal("12.5"), 30)), 0));
    JsonObject usage = Await.until(() -> Future.succeededFuture(get("/v1/dashboard/billing/usage", DASHBOARD)),
        u -> u.getDouble("total_usage") > 0, 10, "the spend to arrive");
    assertThat(usage).isEqualTo(new JsonObject().put("object", "list").put("total_usage", 250.0));

    JsonObject subscription = get("/v1/dashboard/billing/subscription", DASHBOARD);
    // left = min(10 - 2.5, 20 - 12.5) = 7.5; hard limit = 2.5 + 7.5
    assertThat(subscription.getString("object")).isEqualTo("billing_subscription");
    assertThat(subscription.getDouble("hard_limit_usd")).isEqualTo(10.0);
    assertThat(subscription.getDouble("system_hard_limit_usd")).isEqualTo(10.0);
    assertThat(get("/v1/dashboard/billing/quota", DASHBOARD))
        .isEqualTo(new JsonObject().put("total", 10.0).put("remain", 7.5));
    assertThat(get("/v1/dashboard/billing/subscription", RelayHarness.ADMIN_KEY).getDouble("hard_limit_usd"))
        .isEqualTo(10_000_000.0);
  }

  private HttpResponse<Buffer> chat(String key, String model) {
    return harness.post("/v1/chat/completions", key, RelayHarness.chat(model, "Say hello"));
  }

  private HttpResponse<Buffer> chat(String key, String model, int maxTokens) {
    return harness.post("/v1/chat/completions", key, RelayHarness.chat(model, "Say hello").put("max_tokens", maxTokens));
  }

  private JsonObject get(String path, String key) {
    HttpResponse<Buffer> response = harness.get(path, key);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private void publish(BalanceChanged change) {
    harness.vertx.eventBus().publish(Addresses.BALANCE_CHANGED, change.toJson());
  }

  private void overrideLimitAndPrice(String group, String model, long rpm, Price price) {
    sql("INSERT INTO group_model_configs (group_id, model, override_limit, rpm, override_price, price) "
        + "VALUES ($1, $2, true, $3, true, $4)", Tuple.of(group, model, rpm, price.toJson()));
  }

  private void sql(String statement, Tuple params) {
    Await.result(harness.pool.preparedQuery(statement).execute(params));
  }
}
