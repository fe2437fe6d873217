package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeAnthropicServer;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The {@code think-split} plugin of a model config, end to end, with tags cut across chunks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThinkSplitApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String THINKER = "r1-distill";
  private static final String PLAIN = "plain-chat";
  private static final String CLAUDE_THINKER = "claude-thinker";
  private static final JsonObject PLUGIN = new JsonObject().put("think-split", new JsonObject().put("enable", true));

  private RelayHarness harness;
  private FakeOpenAiServer openAi;
  private FakeAnthropicServer anthropic;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    openAi = harness.fake();
    anthropic = Await.result(FakeAnthropicServer.start(harness.vertx));
    harness.fixtures.group("thinkers", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "thinkers", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(openAi.baseUrl(), "sk-up", List.of(THINKER, PLAIN), Map.of());
    harness.fixtures.channel(14, anthropic.baseUrl(), "sk-ant", List.of(CLAUDE_THINKER), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    ProtocolCalls.modelConfig(harness, THINKER, 1, Fixtures.price("1", "2"), new JsonObject(), PLUGIN);
    ProtocolCalls.modelConfig(harness, CLAUDE_THINKER, 1, Fixtures.price("1", "2"), new JsonObject(), PLUGIN);
    harness.fixtures.chatModel(PLAIN, Fixtures.price("1", "2"));
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstreams() {
    openAi.reset();
    anthropic.reset();
  }

  /** Reasoning and content joined from a stream's chunks. */
  private static String[] split(HttpResponse<Buffer> response) {
    StringBuilder reasoning = new StringBuilder();
    StringBuilder content = new StringBuilder();
    for (ProtocolCalls.Event event : ProtocolCalls.events(response.bodyAsString())) {
      if (!event.data().startsWith("{") || event.json().getJsonArray("choices").isEmpty()) {
        continue;
      }
      JsonObject delta = event.json().getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
      reasoning.append(delta.getString("reasoning_content", ""));
      content.append(delta.getString("content", ""));
    }
    return new String[] {reasoning.toString(), content.toString()};
  }

  @Test
  @DisplayName("A streamed <think> block cut across chunks, inside both tags, becomes reasoning_content and content")
  void streamSplitAcrossChunks() {
    openAi.behaviour().pieces("<thi", "nk>\nStep one,", " step two</th", "ink>\n\nThe ans", "wer").usage(5, 9);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat(THINKER, "Think").put("stream", true));

    String[] split = split(response);
    assertThat(split[0]).isEqualTo("Step one, step two");
    assertThat(split[1]).isEqualTo("The answer");
    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    assertThat(events).noneMatch(e -> e.data().startsWith("{") && e.json().getValue("usage") instanceof JsonObject);
    assertThat(harness.event(response.getHeader(RequestIds.HEADER)).usage()).isEqualTo(Usage.of(5, 9));
  }

  @Test
  @DisplayName("A client that asked for include_usage still gets the usage chunk of a split stream")
  void usageChunkKept() {
    openAi.behaviour().pieces("<think>a</think>", "b").usage(3, 2);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat(THINKER, "Think")
        .put("stream", true).put("stream_options", new JsonObject().put("include_usage", true)));

    assertThat(split(response)).containsExactly("a", "b");
    assertThat(ProtocolCalls.events(response.bodyAsString()))
        .anyMatch(e -> e.data().startsWith("{") && e.json().getValue("usage") instanceof JsonObject);
  }

  @Test
  @DisplayName("A whole answer opening with <think> is split into reasoning_content and content")
  void wholeAnswerSplit() {
    openAi.behaviour().reply("<think>\nPlan it.\n</think>\nDone.");

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat(THINKER, "Think"));

    JsonObject message = response.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message");
    assertThat(message.getString("reasoning_content")).isEqualTo("Plan it.\n");
    assertThat(message.getString("content")).isEqualTo("Done.");
  }

  @Test
  @DisplayName("A model without the plugin keeps its <think> text in content")
  void withoutPlugin() {
    openAi.behaviour().pieces("<think>", "x</think>", "y");

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat(PLAIN, "Think").put("stream", true));

    assertThat(split(response)).containsExactly("", "<think>x</think>y");
  }

  @Test
  @DisplayName("The split also applies to chat answers converted from an Anthropic channel")
  void convertedStreamSplit() {
    anthropic.behaviour().pieces("<think>Hm", "m</thi", "nk>Yes");

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat(CLAUDE_THINKER, "Think").put("stream", true));

    assertThat(split(response)).containsExactly("Hmm", "Yes");
  }
}
