package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeAnthropicServer;
import org.aigateway.testsupport.FakeGeminiServer;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Anthropic clients on {@code POST /v1/messages}: native on Anthropic channels, converted on OpenAI ones. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagesApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String CLAUDE = "claude-haiku";
  private static final String GPT = "gpt-4o";
  private static final String GEMINI = "gemini-flash";
  private static final String LOCAL = "local-llm";

  private RelayHarness harness;
  private FakeAnthropicServer anthropic;
  private FakeOpenAiServer openAi;
  private FakeGeminiServer gemini;
  private FakeOpenAiServer compatible;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    anthropic = Await.result(FakeAnthropicServer.start(harness.vertx));
    openAi = harness.fake();
    gemini = Await.result(FakeGeminiServer.start(harness.vertx));
    harness.fixtures.channel(24, gemini.baseUrl(), "goog-up", List.of(GEMINI), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.chatModel(GEMINI, Fixtures.price("1", "1"));
    harness.fixtures.group("apps", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "apps", List.of(), Status.ENABLED);
    harness.fixtures.channel(14, anthropic.baseUrl(), "sk-ant-up", List.of(CLAUDE), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.openAiChannel(openAi.baseUrl(), "sk-openai-up", List.of(GPT), Map.of());
    harness.fixtures.chatModel(CLAUDE, Fixtures.price("1", "5"));
    harness.fixtures.chatModel(GPT, Fixtures.price("2.5", "10"));
    compatible = harness.fake();
    harness.fixtures.channel(8, compatible.baseUrl(), "sk-local", List.of(LOCAL), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.chatModel(LOCAL, Fixtures.price("1", "1"));
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstreams() {
    anthropic.reset();
    openAi.reset();
    gemini.reset();
    compatible.reset();
  }

  private static JsonObject messages(String model) {
    return new JsonObject().put("model", model).put("max_tokens", 256).put("system", "Be brief.")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Hello")));
  }

  private HttpResponse<Buffer> call(JsonObject body) {
    return ProtocolCalls.post(harness, "/v1/messages", Map.of("x-api-key", KEY, "anthropic-version", "2023-06-01"),
        body);
  }

  private RelayCompleted eventOf(HttpResponse<Buffer> response) {
    return harness.event(response.getHeader(RequestIds.HEADER));
  }

  private static JsonObject anthropicError(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader(RequestIds.HEADER)).isNotBlank();
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("type")).isEqualTo("error");
    assertThat(body.getJsonObject("error").getString("message")).isNotBlank();
    return body.getJsonObject("error");
  }

  @Test
  @DisplayName("On an Anthropic channel the request and the answer pass through unchanged, with the usage read from it")
  void nativeWhole() {
    anthropic.behaviour().reply("Hello back").usage(11, 4).details(20, 0).cacheCreation(5);
    JsonObject request = messages(CLAUDE);

    HttpResponse<Buffer> response = call(request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(anthropic.lastRequest().json()).isEqualTo(request);
    assertThat(anthropic.lastRequest().header("x-api-key")).isEqualTo("sk-ant-up");
    JsonObject message = response.bodyAsJsonObject();
    assertThat(message.getString("type")).isEqualTo("message");
    assertThat(message.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Hello back");
    assertThat(message.getJsonObject("usage").getLong("cache_read_input_tokens")).isEqualTo(20);
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(36, 4, 20, 5, 0, 40));
    assertThat(eventOf(response).endpoint()).isEqualTo("/v1/messages");
  }

  @Test
  @DisplayName("On an Anthropic channel the stream's events reach the client as sent, and its usage is billed")
  void nativeStream() {
    anthropic.behaviour().reply("a b c").usage(7, 3).details(2, 0);

    HttpResponse<Buffer> response = call(messages(CLAUDE).put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).extracting(ProtocolCalls.Event::name).contains("ping").containsSubsequence("message_start",
        "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
    assertThat(events).allMatch(e -> e.name().equals(e.json().getString("type")));
    RelayCompleted event = eventOf(response);
    assertThat(event.usage()).isEqualTo(new Usage(9, 3, 2, 0, 0, 12));
    assertThat(event.truncated()).isFalse();
  }

  @Test
  @DisplayName("A native stream cut short ends with an Anthropic error event and no message_stop")
  void nativeStreamTruncated() {
    anthropic.behaviour().reply("a b c d").closeAfterChunks(2);

    HttpResponse<Buffer> response = call(messages(CLAUDE).put("stream", true));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).extracting(ProtocolCalls.Event::name).doesNotContain("message_stop");
    ProtocolCalls.Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("error");
    assertThat(last.json().getJsonObject("error").getString("type")).isNotBlank();
    assertThat(eventOf(response).truncated()).isTrue();
  }

  @Test
  @DisplayName("On an OpenAI channel a Messages request is sent as a chat completion and answered as a message")
  void convertedWhole() {
    openAi.behaviour().reply("Converted hello").usage(15, 5).details(4, 0);

    HttpResponse<Buffer> response = call(messages(GPT));

    assertThat(response.statusCode()).isEqualTo(200);
    var sent = openAi.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1/chat/completions");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-openai-up");
    JsonArray chatMessages = sent.json().getJsonArray("messages");
    assertThat(chatMessages.getJsonObject(0).getString("role")).isEqualTo("system");
    assertThat(sent.json().getInteger("max_completion_tokens")).isEqualTo(256);
    assertThat(sent.json().containsKey("max_tokens")).isFalse();
    JsonObject message = response.bodyAsJsonObject();
    assertThat(message.getString("type")).isEqualTo("message");
    assertThat(message.getString("model")).isEqualTo(GPT);
    assertThat(message.getString("stop_reason")).isEqualTo("end_turn");
    assertThat(message.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Converted hello");
    assertThat(message.getJsonObject("usage").getLong("input_tokens")).isEqualTo(11);
    assertThat(message.getJsonObject("usage").getLong("cache_read_input_tokens")).isEqualTo(4);
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(15, 5, 4, 0, 0, 20));
  }

  @Test
  @DisplayName("On an OpenAI-compatible channel a converted Messages request keeps its limit in max_tokens")
  void convertedLimitOnCompatible() {
    compatible.behaviour().reply("Local hello").usage(5, 2);

    HttpResponse<Buffer> response = call(messages(LOCAL));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject chat = compatible.lastRequest().json();
    assertThat(chat.getInteger("max_tokens")).isEqualTo(256);
    assertThat(chat.containsKey("max_completion_tokens")).isFalse();
    assertThat(response.bodyAsJsonObject().getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("Local hello");
  }

  @Test
  @DisplayName("On an OpenAI channel a streamed Messages request gets Anthropic's event sequence built from the chunks")
  void convertedStream() {
    openAi.behaviour().reply("Stream me back").usage(10, 3).splitFrames();

    HttpResponse<Buffer> response = call(messages(GPT).put("stream", true));

    assertThat(openAi.lastRequest().json().getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).extracting(ProtocolCalls.Event::name).containsSubsequence("message_start",
        "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> "content_block_delta".equals(e.name()))
        .forEach(e -> text.append(e.json().getJsonObject("delta").getString("text")));
    assertThat(text.toString()).isEqualTo("Stream me back");
    JsonObject delta = events.stream().filter(e -> "message_delta".equals(e.name())).findFirst().orElseThrow().json();
    assertThat(delta.getJsonObject("usage").getLong("output_tokens")).isEqualTo(3);
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(10, 3, 0, 0, 0, 13));
  }

  @Test
  @DisplayName("x-api-key authenticates; a wrong key is a 401 authentication_error in Anthropic's shape")
  void badKey() {
    JsonObject error = anthropicError(ProtocolCalls.post(harness, "/v1/messages", Map.of("x-api-key", "nope"),
        messages(CLAUDE)), 401);
    assertThat(error.getString("type")).isEqualTo("authentication_error");
    assertThat(anthropicError(ProtocolCalls.post(harness, "/v1/messages", Map.of(), messages(CLAUDE)), 401)
        .getString("type")).isEqualTo("authentication_error");
  }

  @Test
  @DisplayName("An unknown model is a 404 not_found_error in Anthropic's shape")
  void unknownModel() {
    assertThat(anthropicError(call(messages("no-such-model")), 404).getString("type")).isEqualTo("not_found_error");
  }

  @Test
  @DisplayName("A missing model, a body that is not JSON, an empty body and messages that are not a list are 400 invalid_request_error in Anthropic's shape")
  void badRequests() {
    JsonObject noModel = messages(CLAUDE);
    noModel.remove("model");
    assertThat(anthropicError(call(noModel), 400).getString("type")).isEqualTo("invalid_request_error");
    HttpResponse<Buffer> notJson = ProtocolCalls.post(harness, "/v1/messages", Map.of("x-api-key", KEY),
        Buffer.buffer("{\"model\": "));
    assertThat(anthropicError(notJson, 400).getString("type")).isEqualTo("invalid_request_error");
    HttpResponse<Buffer> empty = ProtocolCalls.post(harness, "/v1/messages", Map.of("x-api-key", KEY), Buffer.buffer());
    assertThat(anthropicError(empty, 400).getString("type")).isEqualTo("invalid_request_error");
    JsonObject wrongType = messages(CLAUDE).put("messages", "Hello");
    assertThat(anthropicError(call(wrongType), 400).getString("message")).contains("messages");
    assertThat(anthropic.requests()).isEmpty();
  }

  @Test
  @DisplayName("An Anthropic channel's error keeps its type and status on /v1/messages")
  void upstreamErrorNative() {
    anthropic.behaviour().fail(529, UpstreamErrorBodies.error("overloaded_error", "Overloaded"));

    JsonObject error = anthropicError(call(messages(CLAUDE)), 529);

    assertThat(error.getString("type")).isEqualTo("overloaded_error");
    assertThat(error.getString("message")).isEqualTo("Overloaded");
  }

  @Test
  @DisplayName("An OpenAI channel's error reaches an Anthropic client in Anthropic's shape with the upstream's status")
  void upstreamErrorConverted() {
    openAi.behaviour().fail(429, "{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\","
        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}");

    JsonObject error = anthropicError(call(messages(GPT)), 429);

    assertThat(error.getString("type")).isEqualTo("rate_limit_error");
    assertThat(error.getString("message")).isEqualTo("Slow down");
  }

  @Test
  @DisplayName("On a Gemini channel a streamed Messages request goes through chat both ways, two translators chained")
  void anthropicOnGeminiStream() {
    gemini.behaviour().reply("From Gemini").thinking("Pondering").usage(7, 2).details(0, 3);

    HttpResponse<Buffer> response = call(messages(GEMINI).put("stream", true));

    JsonObject sent = gemini.lastRequest().json();
    assertThat(gemini.lastRequest().path()).endsWith(":streamGenerateContent");
    assertThat(sent.getJsonObject("systemInstruction").encode()).contains("Be brief.");
    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    StringBuilder text = new StringBuilder();
    StringBuilder thinking = new StringBuilder();
    events.stream().filter(e -> "content_block_delta".equals(e.name())).forEach(e -> {
      JsonObject delta = e.json().getJsonObject("delta");
      text.append(delta.getString("text", ""));
      thinking.append(delta.getString("thinking", ""));
    });
    assertThat(text.toString()).isEqualTo("From Gemini");
    assertThat(thinking.toString()).isEqualTo("Pondering");
    assertThat(events.get(events.size() - 1).name()).isEqualTo("message_stop");
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(7, 5, 0, 0, 3, 12));
  }
}
