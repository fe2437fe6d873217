package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aigateway.protocol.model.Status;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two relay replicas sharing the channel monitor through Redis: a ban one of them makes is
 * honoured by the other. The banned channel recovers before the second replica is asked, so only a
 * shared ban (probes are off here) keeps the second replica from using it; until its first read of
 * Redis completes, the second replica may still send a request there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedBansApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String PREFIX = "test:monitor:" + UUID.randomUUID() + ":";

  private RelayHarness harness;
  private FakeOpenAiServer denying;
  private FakeOpenAiServer fallback;
  private int denyingId;
  private int first;
  private int second;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    denying = harness.fake();
    fallback = harness.fake();
    harness.fixtures.group("shared", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "shared", List.of(), Status.ENABLED);
    harness.fixtures.chatModel("gpt-shared", Fixtures.price("1", "2"));
    denyingId = harness.fixtures.channel(1, denying.baseUrl(), "sk-a", List.of("gpt-shared"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.banRules(denyingId, true, 0);
    harness.fixtures.channel(1, fallback.baseUrl(), "sk-b", List.of("gpt-shared"), Map.of(), -1,
        Status.ENABLED, List.of("default"));
    Map<String, Object> settings = Map.of("REDIS_CONN_STRING", TestRedis.uri(),
        "CHANNEL_MONITOR_REDIS_KEY_PREFIX", PREFIX, "CHANNEL_MONITOR_CACHE_MS", 0,
        "CHANNEL_PROBE_INTERVAL_MS", 600_000, "CIRCUIT_BREAKER_FAILURES", 0);
    first = harness.deploy(settings).port();
    second = harness.deployAnother(new RelayVerticle(), settings).port();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private int chat(int port) {
    HttpResponse<Buffer> response = Await.result(harness.web.post(port, "127.0.0.1", "/v1/chat/completions")
        .putHeader("Authorization", "Bearer " + KEY)
        .sendJsonObject(RelayHarness.chat("gpt-shared", "hi")));
    return response.statusCode();
  }

  @Test
  @DisplayName("A ban made by one replica is stored in Redis and keeps the other replica off the channel")
  void banSeenByOtherReplica() {
    denying.behaviour().fail(401, "{\"error\":{\"message\":\"revoked\",\"type\":\"x\",\"param\":null,\"code\":\"x\"}}");
    assertThat(chat(first)).isEqualTo(200);
    assertThat(denying.requests()).hasSize(1);
    Redis redis = Redis.createClient(harness.vertx, TestRedis.uri());
    Response bans = Await.until(() -> redis.send(Request.cmd(Command.HGETALL).arg(PREFIX + "bans")),
        hash -> !hash.getKeys().isEmpty(), 10, "the ban written to Redis (after the response)");
    assertThat(bans.getKeys()).containsExactly(denyingId + ":gpt-shared");

    denying.behaviour().reset();
    Await.until(() -> {
      int before = denying.requests().size();
      chat(second);
      return denying.requests().size() == before;
    }, 10, "the second replica, once its view is read from Redis, skipping the banned channel");
    int seen = denying.requests().size();
    int served = fallback.requests().size();
    for (int i = 0; i < 10; i++) {
      assertThat(chat(second)).isEqualTo(200);
      assertThat(chat(first)).isEqualTo(200);
    }

    assertThat(denying.requests()).as("the healthy-again channel stays banned for both replicas").hasSize(seen);
    assertThat(fallback.requests()).hasSize(served + 20);
  }
}
