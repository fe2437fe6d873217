package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.aigateway.protocol.model.Status;
import org.aigateway.relay.snapshot.ChannelDefaults;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeAnthropicServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** DEFAULT_CHANNEL_MODELS and DEFAULT_CHANNEL_MODEL_MAPPING for channels without models or mapping. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelDefaultsApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeAnthropicServer anthropic;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    anthropic = Await.result(FakeAnthropicServer.start(harness.vertx));
    harness.fixtures.group("defaults", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "defaults", List.of(), Status.ENABLED);
    harness.fixtures.channel(14, anthropic.baseUrl(), "sk-ant", List.of(), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.chatModel("claude", Fixtures.price("1", "1"));
    harness.fixtures.chatModel("claude-other", Fixtures.price("1", "1"));
    harness.deploy(Map.of(
        "DEFAULT_CHANNEL_MODELS", "{\"14\": [\"claude\"], \"1\": [\"gpt-4o\"]}",
        "DEFAULT_CHANNEL_MODEL_MAPPING", "{\"14\": {\"claude\": \"claude-sonnet-4-5\"}}"));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("A channel without models serves its type's default models, renamed by its type's default mapping")
  void defaultsApply() {
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("claude", "hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(anthropic.lastRequest().json().getString("model")).isEqualTo("claude-sonnet-4-5");
    assertThat(harness.post("/v1/chat/completions", KEY, RelayHarness.chat("claude-other", "hi")).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("Malformed default settings stop the relay from starting with the setting's name")
  void malformed() {
    assertThatThrownBy(() -> ChannelDefaults.from(Settings.of(Map.of("DEFAULT_CHANNEL_MODELS", "{\"x\": []}"))))
        .hasMessageContaining("DEFAULT_CHANNEL_MODELS");
    assertThatThrownBy(() -> ChannelDefaults.from(Settings.of(Map.of("DEFAULT_CHANNEL_MODEL_MAPPING", "[1]"))))
        .hasMessageContaining("DEFAULT_CHANNEL_MODEL_MAPPING");
    assertThatThrownBy(() -> ChannelDefaults.from(Settings.of(Map.of("DEFAULT_CHANNEL_MODELS", "{\"1\": \"a\"}"))))
        .hasMessageContaining("DEFAULT_CHANNEL_MODELS");
  }
}
