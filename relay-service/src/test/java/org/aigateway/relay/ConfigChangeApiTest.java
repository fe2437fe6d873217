package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.ConfigChanged.Kind;
import org.aigateway.protocol.event.ConfigChanged.Op;
import org.aigateway.protocol.model.Status;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigChangeApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer upstream;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("live", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "live", List.of(), Status.ENABLED);
    harness.fixtures.chatModel("gpt-new", Fixtures.price("1", "1"));
    harness.fixtures.chatModel("gpt-4o", Fixtures.price("1", "1"));
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-up", List.of("gpt-4o"), Map.of());
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  private int chatStatus(String key, String model) {
    return harness.post("/v1/chat/completions", key, RelayHarness.chat(model, "hi")).statusCode();
  }

  private void awaitStatus(String key, String model, int status, String what) {
    Await.until(() -> chatStatus(key, model) == status, 10, what);
  }

  @Test
  @DisplayName("A channel inserted after start serves its model once its config-changed event arrives, and stops when disabled")
  void newChannelUsableWithoutRestart() {
    assertThat(chatStatus(KEY, "gpt-new")).isEqualTo(404);

    int id = harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-new", List.of("gpt-new"), Map.of());
    harness.publish(Kind.CHANNEL, id, Op.UPSERT);
    awaitStatus(KEY, "gpt-new", 200, "the new channel to serve gpt-new");
    assertThat(upstream.lastRequest().header("Authorization")).isEqualTo("Bearer sk-new");

    Await.result(harness.pool.preparedQuery("UPDATE channels SET status = 2 WHERE id = $1").execute(Tuple.of(id)));
    harness.publish(Kind.CHANNEL, id, Op.UPSERT);
    awaitStatus(KEY, "gpt-new", 404, "the disabled channel to stop serving gpt-new");
  }

  @Test
  @DisplayName("A token created a moment ago works before its event arrives")
  void newTokenFoundInDatabase() {
    String key = Fixtures.newKey();
    harness.fixtures.token(key, "fresh", "live", List.of(), Status.ENABLED);

    assertThat(chatStatus(key, "gpt-4o")).isEqualTo(200);
  }

  @Test
  @DisplayName("An unknown key is remembered as unknown until a token event clears the negative cache")
  void negativeCacheClearedByTokenEvent() {
    String key = Fixtures.newKey();
    assertThat(chatStatus(key, "gpt-4o")).isEqualTo(401);

    long id = harness.fixtures.token(key, "late", "live", List.of(), Status.ENABLED);
    assertThat(chatStatus(key, "gpt-4o")).isEqualTo(401);

    harness.publish(Kind.TOKEN, id, Op.UPSERT);
    awaitStatus(key, "gpt-4o", 200, "the token event to make the new key work");
  }

  @Test
  @DisplayName("Disabling a token takes effect through its event")
  void disabledTokenRejected() {
    String key = Fixtures.newKey();
    long id = harness.fixtures.token(key, "soon-off", "live", List.of(), Status.ENABLED);
    assertThat(chatStatus(key, "gpt-4o")).isEqualTo(200);

    Await.result(harness.pool.preparedQuery("UPDATE tokens SET status = 2 WHERE id = $1").execute(Tuple.of(id)));
    harness.publish(Kind.TOKEN, id, Op.UPSERT);
    awaitStatus(key, "gpt-4o", 401, "the disabled token to be rejected");
  }

  @Test
  @DisplayName("Deleting a group drops its tokens from the snapshot")
  void deletedGroupDropsTokens() {
    String key = Fixtures.newKey();
    harness.fixtures.group("doomed", Status.ENABLED, List.of("default"));
    harness.fixtures.token(key, "t", "doomed", List.of(), Status.ENABLED);
    assertThat(chatStatus(key, "gpt-4o")).isEqualTo(200);

    Await.result(harness.pool.preparedQuery("DELETE FROM groups WHERE id = $1").execute(Tuple.of("doomed")));
    harness.publish(Kind.GROUP, "doomed", Op.DELETE);
    awaitStatus(key, "gpt-4o", 401, "the deleted group's token to be rejected");
  }

  @Test
  @DisplayName("A model config change reprices the model without restart")
  void modelConfigReloaded() {
    Await.result(harness.pool.preparedQuery("UPDATE model_configs SET price = $1 WHERE model = 'gpt-4o'")
        .execute(Tuple.of(Fixtures.price("7", "9").toJson())));
    harness.publish(Kind.MODEL_CONFIG, "gpt-4o", Op.UPSERT);

    Await.until(() -> {
      String id = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("gpt-4o", "hi"))
          .getHeader(org.aigateway.relay.http.RequestIds.HEADER);
      return harness.event(id).price().equals(Fixtures.price("7", "9"));
    }, 10, "the new price to apply");
  }
}
