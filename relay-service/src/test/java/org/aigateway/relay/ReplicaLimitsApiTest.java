package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.Status;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.relay.limit.TcpProxy;
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
 * Two relay replicas, each with its own Redis client, share one Redis (and two more reach it through
 * a TCP proxy the test takes down). Every model's limit is small so that counts are exact.
 */
@DisplayName("Relay replicas enforce one RPM and one TPM limit together through Redis, and keep serving when it is gone")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaLimitsApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String PREFIX = "test:relay:" + UUID.randomUUID() + ":";
  private static final JsonObject CHAT = RelayHarness.chat("m", "Count my tokens before you answer me");
  /** The gateway's count of CHAT's input tokens: what admission reserves. */
  private static final long E = new PromptEstimator(new TokenCounter()).estimate(Mode.CHAT_COMPLETIONS, "m", CHAT);

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private FakeOpenAiServer broken;
  private TcpProxy proxy;
  private Redis redis;
  private HttpClient streaming;
  private int first;
  private int second;
  private int firstBehindProxy;
  private int secondBehindProxy;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    broken = harness.fake();
    broken.behaviour().fail(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}");
    harness.fixtures.group("g", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "k", "g", List.of(), Status.ENABLED);
    List<String> models = List.of("rpm", "tpm", "reconcile", "stream", "outage", "degraded", "unanswered");
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk", models, Map.of());
    harness.fixtures.openAiChannel(broken.baseUrl(), "sk", List.of("failing"), Map.of());
    limits("rpm", 5, 0);
    limits("tpm", 0, 3 * E);
    limits("reconcile", 0, 4 * E);
    limits("failing", 0, E);
    limits("stream", 0, 10 * E);
    limits("outage", 3, 0);
    limits("degraded", 3, 0);
    limits("unanswered", 1000, 0);
    URI real = URI.create(TestRedis.uri());
    proxy = new TcpProxy(harness.vertx, real.getHost(), real.getPort());
    Await.result(proxy.start());
    Map<String, Object> shared = Map.of("REDIS_CONN_STRING", TestRedis.uri(), "LIMIT_REDIS_KEY_PREFIX", PREFIX,
        "LIMIT_REDIS_TIMEOUT_MS", 2_000);
    Map<String, Object> proxied = Map.of("REDIS_CONN_STRING", "redis://127.0.0.1:" + proxy.port(),
        "LIMIT_REDIS_KEY_PREFIX", PREFIX, "LIMIT_REDIS_TIMEOUT_MS", 1_000, "LIMIT_REDIS_RETRY_MS", 500);
    first = harness.deploy(shared).port();
    second = harness.deployAnother(new RelayVerticle(), shared).port();
    firstBehindProxy = harness.deployAnother(new RelayVerticle(), proxied).port();
    secondBehindProxy = harness.deployAnother(new RelayVerticle(), proxied).port();
    redis = Redis.createClient(harness.vertx, TestRedis.uri());
    streaming = harness.vertx.createHttpClient();
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
  @DisplayName("An RPM limit of 5 admits exactly 5 of 12 concurrent requests spread over both replicas")
  void sharedRequestLimit() {
    List<Integer> statuses = concurrently("rpm", 12, first, second);

    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(5);
    assertThat(statuses.stream().filter(s -> s == 429)).hasSize(7);
  }

  @Test
  @DisplayName("A TPM limit of 3 requests' estimated input tokens admits exactly 3 of 8 concurrent requests over both replicas")
  void sharedTokenLimit() {
    upstream.behaviour().usage(E, 0);

    List<Integer> statuses = concurrently("tpm", 8, first, second);

    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(3);
    assertThat(statuses.stream().filter(s -> s == 429)).hasSize(5);
    assertThat(window("tpm")).isEqualTo(3 * E);
  }

  @Test
  @DisplayName("The reservation is corrected to the real usage: twice the estimate fills a 4-estimate window after two calls")
  void reconcilesRealUsage() {
    upstream.behaviour().usage(2 * E, 0);

    assertThat(call(first, "reconcile").statusCode()).isEqualTo(200);
    Await.until(() -> window("reconcile") == 2 * E, 10, "the first call's real usage");
    assertThat(call(second, "reconcile").statusCode()).isEqualTo(200);
    Await.until(() -> window("reconcile") == 4 * E, 10, "the second call's real usage");

    HttpResponse<Buffer> refused = call(first, "reconcile");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("request_tpm_limit_exceeded");
    assertThat(refused.getHeader("X-RateLimit-Limit-Tokens")).isEqualTo(Long.toString(4 * E));
    assertThat(refused.getHeader("X-RateLimit-Remaining-Tokens")).isEqualTo("0");
  }

  @Test
  @DisplayName("A failed request gives its reservation back, so a window of one estimate keeps admitting failures")
  void failuresRelease() {
    for (int i = 0; i < 4; i++) {
      assertThat(call(i % 2 == 0 ? first : second, "failing").statusCode()).isEqualTo(500);
      Await.until(() -> window("failing") == 0, 10, "the reservation to be released");
    }
  }

  @Test
  @DisplayName("A client that leaves mid-stream has its reservation corrected to what the stream produced")
  void disconnectReconciles() {
    Promise<Void> release = Promise.promise();
    upstream.behaviour().holdAfterFirstChunk(release.future());
    JsonObject body = CHAT.copy().put("model", "stream").put("stream", true);

    SseCapture capture = Await.result(SseCapture.open(streaming, first, KEY, body));
    Await.result(capture.firstChunk.future(), 30);
    Await.result(capture.response.request().connection().close());

    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(499);
    long used = event.usage().inputTokens() + event.usage().outputTokens();
    assertThat(used).isGreaterThan(E);
    Await.until(() -> window("stream") == used, 10, "the window to hold what the stream used");
    harness.vertx.runOnContext(v -> release.complete());
  }

  @Test
  @DisplayName("With Redis gone, each replica keeps serving on its own memory limits, and an unanswering Redis hangs nothing")
  void redisOutage() {
    assertThat(concurrently("outage", 8, firstBehindProxy, secondBehindProxy).stream().filter(s -> s == 200))
        .as("shared while Redis answers").hasSize(3);

    Await.result(proxy.stop());
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(call(firstBehindProxy, "degraded").statusCode());
      statuses.add(call(secondBehindProxy, "degraded").statusCode());
    }
    assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 429, 429);

    Await.result(proxy.start());
    proxy.blackHole();
    assertThat(concurrently("unanswered", 10, firstBehindProxy, secondBehindProxy)).containsOnly(200);
  }

  /** Fires {@code total} calls at once, alternating between two replicas; the statuses in call order. */
  private List<Integer> concurrently(String model, int total, int one, int other) {
    List<Future<HttpResponse<Buffer>>> pending = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      pending.add(harness.web.post(i % 2 == 0 ? one : other, "127.0.0.1", "/v1/chat/completions")
          .putHeader("Authorization", "Bearer " + KEY)
          .sendJsonObject(CHAT.copy().put("model", model)));
    }
    Await.result(Future.join(pending));
    return pending.stream().map(f -> f.result().statusCode()).toList();
  }

  private HttpResponse<Buffer> call(int port, String model) {
    return Await.result(harness.web.post(port, "127.0.0.1", "/v1/chat/completions")
        .putHeader("Authorization", "Bearer " + KEY)
        .sendJsonObject(CHAT.copy().put("model", model)));
  }

  /** The tokens in a model's TPM window in Redis ({@code <prefix>{group|model|token}:tpm}, one field per second). */
  private long window(String model) {
    Response values = Await.result(redis.send(Request.cmd(Command.HVALS).arg(PREFIX + "{g|" + model + "|}:tpm")));
    long sum = 0;
    for (Response value : values) {
      sum += value.toLong();
    }
    return sum;
  }

  private void limits(String model, long rpm, long tpm) {
    harness.fixtures.chatModel(model, Fixtures.price("0.15", "0.6"));
    Await.result(harness.pool.preparedQuery("UPDATE model_configs SET rpm = $1, tpm = $2 WHERE model = $3")
        .execute(Tuple.of(rpm, tpm, model)));
  }
}
