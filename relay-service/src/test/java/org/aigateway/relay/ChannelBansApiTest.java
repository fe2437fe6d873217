package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.ConfigChanged;
import org.aigateway.protocol.model.Status;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Error rates and automatic bans per (model, channel) through the real relay, with the monitor in
 * memory, no cache delay, probes every 300 ms and breakers off (so that only the monitor acts). Each
 * test has its own upstreams and models. Probes also reach the upstreams, so only requests with the
 * test's own message ({@link #WORK}) count as served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelBansApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String WORK = "real work";
  private static final String ERROR = "{\"error\":{\"message\":\"%s\",\"type\":\"x\",\"param\":null,\"code\":\"x\"}}";

  private RelayHarness harness;
  private FakeOpenAiServer rateFailing;
  private FakeOpenAiServer rateHealthy;
  private FakeOpenAiServer withRule;
  private FakeOpenAiServer withoutRule;
  private FakeOpenAiServer denying;
  private FakeOpenAiServer denyingFallback;
  private FakeOpenAiServer flaky;
  private FakeOpenAiServer edited;
  private int editedId;
  private FakeOpenAiServer embeddings;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    harness.fixtures.group("bans", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "bans", List.of(), Status.ENABLED);
    for (String model : List.of("gpt-rate", "gpt-maxrate", "gpt-np", "gpt-np-other", "gpt-probe", "gpt-edit")) {
      harness.fixtures.chatModel(model, Fixtures.price("1", "2"));
    }
    rateFailing = upstream(0, List.of("gpt-rate")).fake;
    rateHealthy = upstream(0, List.of("gpt-rate")).fake;
    Upstream guarded = upstream(0, List.of("gpt-maxrate"));
    harness.fixtures.banRules(guarded.id, false, 0.5);
    withRule = guarded.fake;
    withoutRule = upstream(0, List.of("gpt-maxrate")).fake;
    Upstream denied = upstream(0, List.of("gpt-np", "gpt-np-other"));
    harness.fixtures.banRules(denied.id, true, 0);
    denying = denied.fake;
    denyingFallback = upstream(-1, List.of("gpt-np", "gpt-np-other")).fake;
    Upstream probed = upstream(0, List.of("gpt-probe"));
    harness.fixtures.banRules(probed.id, true, 0);
    flaky = probed.fake;
    upstream(-1, List.of("gpt-probe"));
    Upstream edit = upstream(0, List.of("gpt-edit"));
    harness.fixtures.banRules(edit.id, true, 0);
    edited = edit.fake;
    editedId = edit.id;
    upstream(-1, List.of("gpt-edit"));
    harness.fixtures.modelConfig("emb-probe", 3, Fixtures.price("1", "0"), 0, new JsonObject());
    Upstream embedding = upstream(0, List.of("emb-probe"));
    harness.fixtures.banRules(embedding.id, true, 0);
    embeddings = embedding.fake;
    upstream(-1, List.of("emb-probe"));
    harness.deploy(Map.of("RETRY_TIMES", 0, "CHANNEL_MONITOR_CACHE_MS", 0, "CHANNEL_PROBE_INTERVAL_MS", 300,
        "CIRCUIT_BREAKER_FAILURES", 0));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private record Upstream(FakeOpenAiServer fake, int id) {
  }

  /** A channel on a new fake upstream; priority -1 (weight 0) is only picked when nothing else is left. */
  private Upstream upstream(int priority, List<String> models) {
    FakeOpenAiServer fake = harness.fake();
    int id = harness.fixtures.channel(1, fake.baseUrl(), "sk-" + fake.port(), models, Map.of(), priority,
        Status.ENABLED, List.of("default"));
    return new Upstream(fake, id);
  }

  private int chat(String model) {
    return harness.post("/v1/chat/completions", KEY, RelayHarness.chat(model, WORK)).statusCode();
  }

  private static long served(FakeOpenAiServer fake) {
    return fake.requests().stream().filter(ChannelBansApiTest::isWork).count();
  }

  private static boolean isWork(RecordedRequest request) {
    return request.body().toString().contains(WORK);
  }

  private static List<RecordedRequest> probes(FakeOpenAiServer fake) {
    return fake.requests().stream().filter(r -> !isWork(r)).toList();
  }

  /** Sends requests until {@code condition} holds (each request may change it), at most {@code max}. */
  private void chatUntil(String model, java.util.function.BooleanSupplier condition, int max) {
    for (int i = 0; i < max && !condition.getAsBoolean(); i++) {
      chat(model);
    }
    assertThat(condition.getAsBoolean()).as("reached within " + max + " requests").isTrue();
  }

  @Test
  @DisplayName("A channel failing every request is left out once its window has 10 requests")
  void errorRateExcludes() {
    FakeOpenAiServer failing = rateFailing;
    FakeOpenAiServer healthy = rateHealthy;
    failing.behaviour().fail(500, ERROR.formatted("down"));

    chatUntil("gpt-rate", () -> served(failing) >= 10, 200);
    long before = served(failing);
    long healthyBefore = served(healthy);
    for (int i = 0; i < 20; i++) {
      assertThat(chat("gpt-rate")).isEqualTo(200);
    }

    assertThat(served(failing)).isEqualTo(before);
    assertThat(served(healthy)).isEqualTo(healthyBefore + 20);
  }

  @Test
  @DisplayName("max_error_rate bans the pair: of two channels failing alike, the banned one gets no more requests")
  void banOnMaxErrorRate() {
    withRule.behaviour().fail(500, ERROR.formatted("down"));
    withoutRule.behaviour().fail(500, ERROR.formatted("down"));

    chatUntil("gpt-maxrate", () -> served(withRule) >= 10 && served(withoutRule) >= 10, 400);
    long before = served(withRule);
    for (int i = 0; i < 20; i++) {
      chat("gpt-maxrate");
    }

    assertThat(served(withRule)).as("banned, while the other channel is as bad but not banned").isEqualTo(before);
  }

  @Test
  @DisplayName("With enabled_no_permission_ban a 401 bans the pair at once; other models keep the channel")
  void noPermissionBan() {
    denying.behaviour().fail(401, ERROR.formatted("revoked key"));

    assertThat(chat("gpt-np")).isEqualTo(200);
    assertThat(served(denying)).as("tried first: the only channel with weight").isEqualTo(1);
    for (int i = 0; i < 10; i++) {
      assertThat(chat("gpt-np")).isEqualTo(200);
    }
    assertThat(served(denying)).isEqualTo(1);
    assertThat(served(denyingFallback)).isEqualTo(11);

    assertThat(chat("gpt-np-other")).isEqualTo(200);
    assertThat(served(denying)).as("the ban is for gpt-np only").isEqualTo(2);
  }

  @Test
  @DisplayName("A probe with one short message and an output limit of 1 (max_completion_tokens on an OpenAI channel) "
      + "lifts the ban once the upstream recovers")
  void probeLiftsBan() {
    flaky.behaviour().fail(403, ERROR.formatted("forbidden"));
    assertThat(chat("gpt-probe")).isEqualTo(200);
    Await.until(() -> !probes(flaky).isEmpty(), 10, "a probe of the banned pair");
    assertThat(chat("gpt-probe")).isEqualTo(200);
    assertThat(served(flaky)).as("still banned while probes fail").isEqualTo(1);

    flaky.behaviour().reset();
    Await.until(() -> {
      chat("gpt-probe");
      return served(flaky) > 1;
    }, 10, "the recovered channel serving again");

    JsonObject probe = probes(flaky).get(0).json();
    assertThat(probe.getInteger("max_completion_tokens")).isEqualTo(1);
    assertThat(probe.containsKey("max_tokens")).isFalse();
    assertThat(probe.getString("model")).isEqualTo("gpt-probe");
    assertThat(probe.getJsonArray("messages")).hasSize(1);
  }

  @Test
  @DisplayName("An embedding model's probe is one short input on the embeddings endpoint")
  void embeddingsProbe() {
    embeddings.behaviour().fail(402, ERROR.formatted("no credit"));
    JsonObject body = new JsonObject().put("model", "emb-probe").put("input", WORK);
    assertThat(harness.post("/v1/embeddings", KEY, body).statusCode()).isEqualTo(200);
    Await.until(() -> !probes(embeddings).isEmpty(), 10, "a probe of the banned embedding pair");

    RecordedRequest probe = probes(embeddings).get(0);
    assertThat(probe.path()).isEqualTo("/v1/embeddings");
    assertThat(probe.json().getString("model")).isEqualTo("emb-probe");
    assertThat(probe.json().getString("input")).isNotBlank();
    assertThat(probe.json().containsKey("messages")).isFalse();
  }

  @Test
  @DisplayName("Editing a channel clears its bans: the next request goes to it again")
  void channelChangeClearsBans() {
    edited.behaviour().fail(401, ERROR.formatted("revoked key"));
    chat("gpt-edit");
    chat("gpt-edit");
    assertThat(served(edited)).isEqualTo(1);

    harness.publish(ConfigChanged.Kind.CHANNEL, editedId, ConfigChanged.Op.UPSERT);

    Await.until(() -> {
      chat("gpt-edit");
      return served(edited) == 2;
    }, 10, "the edited channel tried again");
  }
}
