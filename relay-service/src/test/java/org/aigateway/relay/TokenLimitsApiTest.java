package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Status;
import org.aigateway.relay.usage.PromptEstimator;
import org.aigateway.relay.usage.TokenCounter;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keys with RPM/TPM limits of their own, on two relay replicas sharing one Redis. A key's limit spans
 * all its models (Redis key {@code {group|*|tokenId}}) and applies on top of group × model limits.
 */
@DisplayName("A key's own RPM and TPM limits hold over all its models and across replicas")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenLimitsApiTest {

  private static final String PREFIX = "test:relay:" + UUID.randomUUID() + ":";
  private static final JsonObject CHAT = RelayHarness.chat("free", "Count my tokens before you answer me");
  /** The gateway's count of CHAT's input tokens: what admission reserves. */
  private static final long E = new PromptEstimator(new TokenCounter()).estimate(Mode.CHAT_COMPLETIONS, "free", CHAT);
  private static final String RPM_KEY = Fixtures.newKey();
  private static final String SIBLING_KEY = Fixtures.newKey();
  private static final String TPM_KEY = Fixtures.newKey();
  private static final String BOTH_KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private Redis redis;
  private long tpmToken;
  private long bothToken;
  private int first;
  private int second;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("g", Status.ENABLED, List.of("default"));
    limitedToken(RPM_KEY, "rpm", 3, 0);
    harness.fixtures.token(SIBLING_KEY, "sibling", "g", List.of(), Status.ENABLED);
    tpmToken = limitedToken(TPM_KEY, "tpm", 0, 3 * E);
    bothToken = limitedToken(BOTH_KEY, "both", 5, 10 * E);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk", List.of("free", "other", "narrow"), Map.of());
    for (String model : List.of("free", "other", "narrow")) {
      harness.fixtures.chatModel(model, Fixtures.price("0.15", "0.6"));
    }
    Await.result(harness.pool.preparedQuery("UPDATE model_configs SET rpm = 1 WHERE model = 'narrow'").execute());
    Map<String, Object> shared = Map.of("REDIS_CONN_STRING", TestRedis.uri(), "LIMIT_REDIS_KEY_PREFIX", PREFIX,
        "LIMIT_REDIS_TIMEOUT_MS", 2_000);
    first = harness.deploy(shared).port();
    second = harness.deployAnother(new RelayVerticle(), shared).port();
    redis = Redis.createClient(harness.vertx, TestRedis.uri());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    upstream.reset();
  }

  @Test
  @DisplayName("A key with rpm 3 gets exactly 3 of 6 concurrent requests over two replicas and two models; its sibling key is unaffected")
  void requestLimitPerKey() {
    List<Integer> statuses = concurrently(RPM_KEY, 6);

    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(3);
    assertThat(statuses.stream().filter(s -> s == 429)).hasSize(3);
    assertThat(concurrently(SIBLING_KEY, 6)).containsOnly(200);
    HttpResponse<Buffer> refused = call(first, RPM_KEY, "other");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("request_rate_limit_exceeded");
    assertThat(refused.getHeader("X-RateLimit-Limit-Requests")).isEqualTo("3");
    assertThat(refused.getHeader("Retry-After")).isNotNull();
  }

  @Test
  @DisplayName("A key's TPM window is corrected to the real usage and refuses once the key's tokens are used")
  void tokenLimitPerKey() {
    upstream.behaviour().usage(2 * E, 0);

    assertThat(call(first, TPM_KEY, "free").statusCode()).isEqualTo(200);
    Await.until(() -> window(tpmToken) == 2 * E, 10, "the first call's real usage");
    assertThat(call(second, TPM_KEY, "other").statusCode()).isEqualTo(200);
    Await.until(() -> window(tpmToken) == 4 * E, 10, "the second call's real usage");

    HttpResponse<Buffer> refused = call(first, TPM_KEY, "free");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("request_tpm_limit_exceeded");
    assertThat(refused.getHeader("X-RateLimit-Limit-Tokens")).isEqualTo(Long.toString(3 * E));
    assertThat(refused.getHeader("X-RateLimit-Remaining-Tokens")).isEqualTo("0");
  }

  @Test
  @DisplayName("When the group x model limit refuses a request the key admitted, the key's token reservation is given back")
  void groupRefusalReleasesKeyReservation() {
    upstream.behaviour().usage(E, 0);

    HttpResponse<Buffer> admitted = call(first, BOTH_KEY, "narrow");
    assertThat(admitted.statusCode()).isEqualTo(200);
    assertThat(admitted.getHeader("X-RateLimit-Limit-Requests")).as("the group's 0 left beats the key's 4")
        .isEqualTo("1");
    assertThat(admitted.getHeader("X-RateLimit-Limit-Tokens")).isEqualTo(Long.toString(10 * E));
    for (int i = 0; i < 4; i++) {
      HttpResponse<Buffer> refused = call(i % 2 == 0 ? first : second, BOTH_KEY, "narrow");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.getHeader("X-RateLimit-Limit-Requests")).isEqualTo("1");
    }

    Await.until(() -> window(bothToken) == E, 10, "only the admitted call's usage in the key's window");
    assertThat(call(second, BOTH_KEY, "free").getHeader("X-RateLimit-Remaining-Requests"))
        .as("each refused request still used one of the key's 5 request slots").isEqualTo("0");
  }

  private long limitedToken(String key, String name, long rpm, long tpm) {
    long id = harness.fixtures.token(key, name, "g", List.of(), Status.ENABLED);
    Await.result(harness.pool.preparedQuery("UPDATE tokens SET rpm = $1, tpm = $2 WHERE id = $3")
        .execute(Tuple.of(rpm, tpm, id)));
    return id;
  }

  /** Fires {@code total} calls at once, alternating replicas and the models free and other. */
  private List<Integer> concurrently(String key, int total) {
    List<Future<HttpResponse<Buffer>>> pending = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      pending.add(harness.web.post(i % 2 == 0 ? first : second, "127.0.0.1", "/v1/chat/completions")
          .putHeader("Authorization", "Bearer " + key)
          .sendJsonObject(CHAT.copy().put("model", i % 3 == 0 ? "other" : "free")));
    }
    Await.result(Future.join(pending));
    return pending.stream().map(f -> f.result().statusCode()).toList();
  }

  private HttpResponse<Buffer> call(int port, String key, String model) {
    return Await.result(harness.web.post(port, "127.0.0.1", "/v1/chat/completions")
        .putHeader("Authorization", "Bearer " + key)
        .sendJsonObject(CHAT.copy().put("model", model)));
  }

  /** The tokens in a key's own TPM window in Redis ({@code <prefix>{g|*|id}:tpm}). */
  private long window(long tokenId) {
    Response values = Await.result(redis.send(Request.cmd(Command.HVALS).arg(PREFIX + "{g|*|" + tokenId + "}:tpm")));
    long sum = 0;
    for (Response value : values) {
      sum += value.toLong();
    }
    return sum;
  }
}
