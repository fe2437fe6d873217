package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Status;
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

/**
 * The relay rules for streams converted between protocols: a stream that breaks after its first
 * byte ends with an error event in the client's protocol and no end marker, and is logged truncated
 * with the usage delivered; a client that leaves cancels the upstream call and is billed for what
 * was produced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConvertedStreamFailuresApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String GPT = "gpt-4o";
  private static final String CLAUDE = "claude-sonnet";
  private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  private RelayHarness harness;
  private FakeOpenAiServer openAi;
  private FakeAnthropicServer anthropic;
  private HttpClient client;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    openAi = harness.fake();
    anthropic = Await.result(FakeAnthropicServer.start(harness.vertx));
    harness.fixtures.group("converted", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "converted", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(openAi.baseUrl(), "sk-openai-up", List.of(GPT), Map.of());
    harness.fixtures.channel(14, anthropic.baseUrl(), "sk-ant-up", List.of(CLAUDE), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.chatModel(GPT, Fixtures.price("2.5", "10"));
    harness.fixtures.chatModel(CLAUDE, Fixtures.price("3", "15"));
    harness.deploy(Map.of());
    client = harness.vertx.createHttpClient();
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

  private static JsonObject messages(String model) {
    return new JsonObject().put("model", model).put("max_tokens", 256).put("stream", true)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Hello")));
  }

  private static JsonObject generate() {
    return new JsonObject().put("contents", new JsonArray().add(new JsonObject().put("role", "user")
        .put("parts", new JsonArray().add(new JsonObject().put("text", "Hello")))));
  }

  private RelayCompleted eventOf(HttpResponse<Buffer> response) {
    return harness.event(response.getHeader(RequestIds.HEADER));
  }

  @Test
  @DisplayName("An Anthropic client whose OpenAI stream dies mid-way gets an Anthropic error event and no message_stop, billed for the delivered text")
  void anthropicClientOpenAiStreamDies() {
    openAi.behaviour().closeAfterChunks(2);

    HttpResponse<Buffer> response = ProtocolCalls.post(harness, "/v1/messages",
        Map.of("x-api-key", KEY, "anthropic-version", "2023-06-01"), messages(GPT));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).extracting(ProtocolCalls.Event::name).startsWith("message_start")
        .contains("content_block_delta").doesNotContain("message_stop", "message_delta");
    ProtocolCalls.Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("error");
    assertThat(last.json().getString("type")).isEqualTo("error");
    assertThat(last.json().getJsonObject("error").getString("message")).isNotBlank();
    assertThat(events).filteredOn(e -> "error".equals(e.name())).hasSize(1);
    RelayCompleted event = eventOf(response);
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("Hello from"));
    assertThat(event.usage().inputTokens()).isPositive();
    assertThat(event.amount()).isEqualTo(Pricing.amount(event.usage(), event.price(), 502));
  }

  @Test
  @DisplayName("A Gemini client whose Anthropic stream dies mid-way gets a Gemini error event and no finishReason, billed for the delivered text")
  void geminiClientAnthropicStreamDies() {
    anthropic.behaviour().reply("one two three four").usage(9, 0).closeAfterChunks(2);

    HttpResponse<Buffer> response = ProtocolCalls.post(harness,
        "/v1beta/models/" + CLAUDE + ":streamGenerateContent?alt=sse", Map.of("x-goog-api-key", KEY), generate());

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).isNotEmpty();
    List<JsonObject> bodies = events.stream().map(ProtocolCalls.Event::json).toList();
    JsonObject last = bodies.get(bodies.size() - 1);
    assertThat(last.getJsonObject("error").getString("message")).isNotBlank();
    assertThat(last.getJsonObject("error").getString("status")).isNotBlank();
    assertThat(bodies).filteredOn(b -> b.containsKey("error")).hasSize(1);
    assertThat(bodies).noneMatch(b -> b.encode().contains("finishReason"));
    StringBuilder text = new StringBuilder();
    bodies.stream().filter(b -> b.containsKey("candidates")).forEach(b -> b.getJsonArray("candidates")
        .getJsonObject(0).getJsonObject("content").getJsonArray("parts")
        .forEach(part -> text.append(((JsonObject) part).getString("text", ""))));
    assertThat(text.toString()).isEqualTo("one two");
    RelayCompleted event = eventOf(response);
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.usage().inputTokens()).isEqualTo(9);
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("one two"));
  }

  @Test
  @DisplayName("A Gemini client whose Anthropic stream reports overloaded mid-way gets Gemini's UNAVAILABLE with Anthropic's 529, not a 500")
  void geminiClientAnthropicOverloaded() {
    anthropic.behaviour().reply("one two three four").inBandErrorAfterChunks(2);

    HttpResponse<Buffer> response = ProtocolCalls.post(harness,
        "/v1beta/models/" + CLAUDE + ":streamGenerateContent?alt=sse", Map.of("x-goog-api-key", KEY), generate());

    List<JsonObject> bodies = ProtocolCalls.events(response.bodyAsString()).stream().map(ProtocolCalls.Event::json)
        .toList();
    assertThat(bodies).filteredOn(b -> b.containsKey("error")).hasSize(1);
    assertThat(bodies.get(bodies.size() - 1).getJsonObject("error")).isEqualTo(new JsonObject()
        .put("code", 529).put("message", "Overloaded").put("status", "UNAVAILABLE"));
    RelayCompleted event = eventOf(response);
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(529);
  }

  @Test
  @DisplayName("An Anthropic client that leaves a converted stream cancels the upstream call and is billed for what was produced")
  void clientDisconnectOnConvertedStream() {
    Promise<Void> release = Promise.promise();
    openAi.behaviour().holdAfterFirstChunk(release.future());

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, "/v1/messages", messages(GPT)));
    Await.until(() -> capture.text().contains("content_block_delta"), 30, "the first delta");
    Await.result(capture.response.request().connection().close());

    Await.until(() -> openAi.cancelledRequests() == 1, 30, "the upstream call to be cancelled");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(499);
    assertThat(event.truncated()).isTrue();
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("Hello"));
    assertThat(event.amount()).isEqualTo(Pricing.amount(event.usage(), event.price(), 499));
    harness.vertx.runOnContext(v -> release.complete());
  }
}
