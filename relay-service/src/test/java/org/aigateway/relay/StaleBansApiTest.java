package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Tuple;
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
 * Bans of pairs the configuration no longer serves, when no config-changed event told the relay:
 * the channel row is changed in the database, the relay's periodic resync (every second here) picks
 * it up, and a ban of the pair shows up in the shared monitor (as another replica with an older
 * snapshot would write it). The probe, every 300 ms, must clear it without sending anything to the
 * channel. Each test has its own channel, which is always picked first while it serves the model,
 * and a fallback channel (priority -1) that shows when the relay's snapshot dropped the pair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleBansApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String PREFIX = "test:monitor:" + UUID.randomUUID() + ":";
  private static final String WORK = "real work";
  private static final long HOUR_MS = 3_600_000;

  private RelayHarness harness;
  private Redis redis;
  private FakeOpenAiServer disabled;
  private FakeOpenAiServer disabledFallback;
  private int disabledId;
  private FakeOpenAiServer narrowed;
  private FakeOpenAiServer narrowedFallback;
  private int narrowedId;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    redis = Redis.createClient(harness.vertx, TestRedis.uri());
    harness.fixtures.group("stale", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "stale", List.of(), Status.ENABLED);
    for (String model : List.of("gpt-off", "gpt-narrow", "gpt-kept")) {
      harness.fixtures.chatModel(model, Fixtures.price("1", "2"));
    }
    disabled = harness.fake();
    disabledFallback = harness.fake();
    disabledId = channel(disabled, 0, List.of("gpt-off"));
    channel(disabledFallback, -1, List.of("gpt-off"));
    narrowed = harness.fake();
    narrowedFallback = harness.fake();
    narrowedId = channel(narrowed, 0, List.of("gpt-narrow", "gpt-kept"));
    channel(narrowedFallback, -1, List.of("gpt-narrow"));
    harness.deploy(Map.of("REDIS_CONN_STRING", TestRedis.uri(), "CHANNEL_MONITOR_REDIS_KEY_PREFIX", PREFIX,
        "CHANNEL_MONITOR_CACHE_MS", 0, "CHANNEL_PROBE_INTERVAL_MS", 300, "CIRCUIT_BREAKER_FAILURES", 0,
        "SNAPSHOT_RESYNC_SECONDS", 1, "RETRY_TIMES", 0));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private int channel(FakeOpenAiServer fake, int priority, List<String> models) {
    return harness.fixtures.channel(1, fake.baseUrl(), "sk-" + fake.port(), models, Map.of(), priority,
        Status.ENABLED, List.of("default"));
  }

  private void update(String sql, Object... params) {
    Await.result(harness.pool.preparedQuery(sql).execute(Tuple.from(params)));
  }

  private void chat(String model) {
    assertThat(harness.post("/v1/chat/completions", KEY, RelayHarness.chat(model, WORK)).statusCode())
        .isEqualTo(200);
  }

  /** Waits until the relay's snapshot no longer sends {@code model} to its first channel. */
  private void awaitResync(String model, FakeOpenAiServer fallback) {
    Await.until(() -> {
      chat(model);
      return !fallback.requests().isEmpty();
    }, 10, "the periodic resync to drop the channel for " + model);
  }

  private boolean banned(int channelId, String model) {
    return Await.result(redis.send(Request.cmd(Command.HEXISTS).arg(PREFIX + "bans").arg(channelId + ":" + model)))
        .toBoolean();
  }

  /** Bans the pair for an hour in the shared monitor, then waits for a probe round to clear it. */
  private void banAndAwaitClearing(int channelId, String model) {
    assertThat(Await.result(redis.send(Request.cmd(Command.HSET).arg(PREFIX + "bans").arg(channelId + ":" + model)
        .arg(System.currentTimeMillis() + HOUR_MS))).toInteger()).as("a new ban").isEqualTo(1);
    Await.until(() -> !banned(channelId, model), 10, "the probe round to clear the ban of " + model);
  }

  private static List<String> probes(FakeOpenAiServer fake) {
    return fake.requests().stream().map(r -> r.body().toString()).filter(body -> !body.contains(WORK)).toList();
  }

  @Test
  @DisplayName("A ban of a channel disabled in the database is cleared by the probe round, with no probe sent")
  void disabledChannelBanCleared() {
    chat("gpt-off");
    assertThat(disabled.requests()).as("first while enabled").hasSize(1);

    update("UPDATE channels SET status = $2 WHERE id = $1", disabledId, Status.DISABLED);
    awaitResync("gpt-off", disabledFallback);
    banAndAwaitClearing(disabledId, "gpt-off");

    assertThat(probes(disabled)).isEmpty();
  }

  @Test
  @DisplayName("A ban of a model its channel no longer lists is cleared by the probe round, with no probe sent")
  void unlistedModelBanCleared() {
    chat("gpt-narrow");
    assertThat(narrowed.requests()).as("first while it lists the model").hasSize(1);

    update("UPDATE channels SET models = $2 WHERE id = $1", narrowedId, new JsonArray(List.of("gpt-kept")));
    awaitResync("gpt-narrow", narrowedFallback);
    banAndAwaitClearing(narrowedId, "gpt-narrow");

    assertThat(probes(narrowed)).isEmpty();
    int served = narrowed.requests().size();
    chat("gpt-kept");
    assertThat(narrowed.requests()).as("the channel still serves the model it kept").hasSize(served + 1);
  }
}
