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
import org.aigateway.testsupport.FakeGeminiServer;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Gemini's native routes ({@code /v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent}) on Gemini and OpenAI channels, and OpenAI clients on a Gemini channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String GEMINI = "gemini-flash";
  private static final String UPSTREAM_GEMINI = "gemini-2.5-flash";
  private static final String GPT = "gpt-4o";
  private static final String DEEPSEEK = "deepseek-chat";

  private RelayHarness harness;
  private FakeGeminiServer gemini;
  private FakeOpenAiServer openAi;
  private FakeOpenAiServer deepSeek;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    gemini = Await.result(FakeGeminiServer.start(harness.vertx));
    openAi = harness.fake();
    harness.fixtures.group("geminis", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "geminis", List.of(), Status.ENABLED);
    harness.fixtures.channel(24, gemini.baseUrl(), "goog-up-key", List.of(GEMINI), Map.of(GEMINI, UPSTREAM_GEMINI), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.openAiChannel(openAi.baseUrl(), "sk-openai-up", List.of(GPT), Map.of());
    harness.fixtures.chatModel(GEMINI, Fixtures.price("0.3", "2.5"));
    harness.fixtures.chatModel(GPT, Fixtures.price("2.5", "10"));
    deepSeek = harness.fake();
    harness.fixtures.channel(36, deepSeek.baseUrl(), "sk-deepseek", List.of(DEEPSEEK), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.chatModel(DEEPSEEK, Fixtures.price("0.27", "1.1"));
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstreams() {
    gemini.reset();
    openAi.reset();
    deepSeek.reset();
  }

  private static JsonObject generate() {
    return new JsonObject()
        .put("systemInstruction", new JsonObject().put("parts", new JsonArray().add(new JsonObject().put("text", "Be brief."))))
        .put("contents", new JsonArray().add(new JsonObject().put("role", "user")
            .put("parts", new JsonArray().add(new JsonObject().put("text", "Hello")))))
        .put("generationConfig", new JsonObject().put("maxOutputTokens", 100));
  }

  private HttpResponse<Buffer> call(String model, String action, Map<String, String> auth, JsonObject body) {
    return ProtocolCalls.post(harness, "/v1beta/models/" + model + ":" + action, auth, body);
  }

  private RelayCompleted eventOf(HttpResponse<Buffer> response) {
    return harness.event(response.getHeader(RequestIds.HEADER));
  }

  private static String text(JsonObject response) {
    StringBuilder text = new StringBuilder();
    JsonArray candidates = response.getJsonArray("candidates", new JsonArray());
    if (!candidates.isEmpty()) {
      candidates.getJsonObject(0).getJsonObject("content").getJsonArray("parts").forEach(part -> {
        JsonObject p = (JsonObject) part;
        if (p.getString("text") != null && !Boolean.TRUE.equals(p.getBoolean("thought"))) {
          text.append(p.getString("text"));
        }
      });
    }
    return text.toString();
  }

  private static JsonObject geminiError(HttpResponse<Buffer> response, int status, String googleStatus) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getInteger("code")).isEqualTo(status);
    assertThat(error.getString("status")).isEqualTo(googleStatus);
    assertThat(error.getString("message")).isNotBlank();
    return error;
  }

  @Test
  @DisplayName("On a Gemini channel generateContent passes through with x-goog-api-key, the mapped model in the URL")
  void nativeWhole() {
    gemini.behaviour().reply("Hi from Gemini").usage(8, 4).details(3, 2);

    HttpResponse<Buffer> response = call(GEMINI, "generateContent", Map.of("x-goog-api-key", KEY), generate());

    assertThat(response.statusCode()).isEqualTo(200);
    var sent = gemini.lastRequest();
    assertThat(sent.path()).isEqualTo("/v1beta/models/" + UPSTREAM_GEMINI + ":generateContent");
    assertThat(sent.header("x-goog-api-key")).isEqualTo("goog-up-key");
    assertThat(sent.json()).isEqualTo(generate());
    assertThat(text(response.bodyAsJsonObject())).isEqualTo("Hi from Gemini");
    RelayCompleted event = eventOf(response);
    assertThat(event.usage()).isEqualTo(new Usage(8, 6, 3, 0, 2, 14));
    assertThat(event.model()).isEqualTo(GEMINI);
  }

  @Test
  @DisplayName("On a Gemini channel streamGenerateContent (key in ?key=) relays Google's SSE events as they are")
  void nativeStream() {
    gemini.behaviour().reply("one two three").usage(5, 3);

    HttpResponse<Buffer> response = ProtocolCalls.post(harness,
        "/v1beta/models/" + GEMINI + ":streamGenerateContent?alt=sse&key=" + KEY, Map.of(), generate());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(gemini.lastRequest().query()).isEqualTo("alt=sse");
    assertThat(response.bodyAsString()).contains("\r\n\r\n");
    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    StringBuilder text = new StringBuilder();
    events.forEach(e -> text.append(text(e.json())));
    assertThat(text.toString()).isEqualTo("one two three");
    JsonObject last = events.get(events.size() - 1).json();
    assertThat(last.getJsonArray("candidates").getJsonObject(0).getString("finishReason")).isEqualTo("STOP");
    RelayCompleted event = eventOf(response);
    assertThat(event.usage()).isEqualTo(new Usage(5, 3, 0, 0, 0, 8));
    assertThat(event.stream()).isTrue();
    assertThat(event.truncated()).isFalse();
  }

  @Test
  @DisplayName("On an OpenAI channel generateContent is sent as a chat completion and answered in Gemini's shape")
  void convertedWhole() {
    openAi.behaviour().reply("Converted").usage(9, 2);

    HttpResponse<Buffer> response = call(GPT, "generateContent", Map.of("x-goog-api-key", KEY), generate());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject chat = openAi.lastRequest().json();
    assertThat(chat.getString("model")).isEqualTo(GPT);
    assertThat(chat.getJsonArray("messages").getJsonObject(0).getString("role")).isEqualTo("system");
    assertThat(chat.getInteger("max_completion_tokens")).isEqualTo(100);
    assertThat(chat.containsKey("max_tokens")).isFalse();
    JsonObject body = response.bodyAsJsonObject();
    assertThat(text(body)).isEqualTo("Converted");
    assertThat(body.getJsonObject("usageMetadata").getLong("promptTokenCount")).isEqualTo(9);
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(9, 2, 0, 0, 0, 11));
  }

  @Test
  @DisplayName("On a DeepSeek channel a converted generateContent keeps its limit in max_tokens")
  void convertedLimitOnDeepSeek() {
    deepSeek.behaviour().reply("Deep answer").usage(4, 2);

    HttpResponse<Buffer> response = call(DEEPSEEK, "generateContent", Map.of("x-goog-api-key", KEY), generate());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject chat = deepSeek.lastRequest().json();
    assertThat(chat.getInteger("max_tokens")).isEqualTo(100);
    assertThat(chat.containsKey("max_completion_tokens")).isFalse();
    assertThat(text(response.bodyAsJsonObject())).isEqualTo("Deep answer");
  }

  @Test
  @DisplayName("On an OpenAI channel streamGenerateContent turns chat chunks into Gemini events ending with finish and usage")
  void convertedStream() {
    openAi.behaviour().reply("Chunked reply here").usage(6, 3);

    HttpResponse<Buffer> response = call(GPT, "streamGenerateContent?alt=sse", Map.of("x-goog-api-key", KEY), generate());

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    StringBuilder text = new StringBuilder();
    events.forEach(e -> text.append(text(e.json())));
    assertThat(text.toString()).isEqualTo("Chunked reply here");
    JsonObject last = events.get(events.size() - 1).json();
    assertThat(last.getJsonArray("candidates").getJsonObject(0).getString("finishReason")).isEqualTo("STOP");
    assertThat(last.getJsonObject("usageMetadata").getLong("candidatesTokenCount")).isEqualTo(3);
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(6, 3, 0, 0, 0, 9));
  }

  @Test
  @DisplayName("Gemini's routes also answer under /v1/models/{model}:generateContent")
  void v1Path() {
    HttpResponse<Buffer> response = ProtocolCalls.post(harness, "/v1/models/" + GEMINI + ":generateContent",
        Map.of("x-goog-api-key", KEY), generate());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(text(response.bodyAsJsonObject())).isEqualTo("Hello from the fake upstream");
  }

  @Test
  @DisplayName("An OpenAI chat client on a Gemini channel gets a chat completion, thoughts as reasoning_content")
  void chatClientWhole() {
    gemini.behaviour().reply("Sunny").thinking("Let me think").usage(10, 4).details(0, 6);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat(GEMINI, "Weather?"));

    JsonObject message = response.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message");
    assertThat(message.getString("content")).isEqualTo("Sunny");
    assertThat(message.getString("reasoning_content")).isEqualTo("Let me think");
    JsonObject sent = gemini.lastRequest().json();
    assertThat(sent.getJsonArray("contents").getJsonObject(0).getJsonArray("parts").getJsonObject(0).getString("text"))
        .isEqualTo("Weather?");
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(10, 10, 0, 0, 6, 20));
  }

  @Test
  @DisplayName("An OpenAI chat client streaming from a Gemini channel gets chunks and [DONE]")
  void chatClientStream() {
    gemini.behaviour().reply("a b c").usage(4, 3).splitFrames();

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat(GEMINI, "Go").put("stream", true));

    assertThat(gemini.lastRequest().path()).endsWith(":streamGenerateContent");
    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> e.data().startsWith("{")).forEach(e -> {
      JsonObject delta = e.json().getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
      text.append(delta.getString("content", ""));
    });
    assertThat(text.toString()).isEqualTo("a b c");
    assertThat(eventOf(response).usage()).isEqualTo(new Usage(4, 3, 0, 0, 0, 7));
  }

  @Test
  @DisplayName("A Gemini in-band error mid-stream ends a native stream as Google sent it and is logged truncated")
  void inBandError() {
    gemini.behaviour().reply("a b c d").inBandErrorAfterChunks(2);

    HttpResponse<Buffer> response = call(GEMINI, "streamGenerateContent?alt=sse", Map.of("x-goog-api-key", KEY),
        generate());

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events.get(events.size() - 1).json().getJsonObject("error").getString("status")).isEqualTo("UNAVAILABLE");
    RelayCompleted event = eventOf(response);
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(503);
  }

  @Test
  @DisplayName("Bad keys, unknown models, bad JSON, contents that are not a list and unsupported actions are answered in Gemini's error shape")
  void errors() {
    geminiError(call(GEMINI, "generateContent", Map.of("x-goog-api-key", "wrong"), generate()), 401, "UNAUTHENTICATED");
    geminiError(call(GEMINI, "generateContent", Map.of(), generate()), 401, "UNAUTHENTICATED");
    geminiError(call("no-such-model", "generateContent", Map.of("x-goog-api-key", KEY), generate()), 404, "NOT_FOUND");
    geminiError(ProtocolCalls.post(harness, "/v1beta/models/" + GEMINI + ":generateContent",
        Map.of("x-goog-api-key", KEY), Buffer.buffer("not json")), 400, "INVALID_ARGUMENT");
    geminiError(call(GEMINI, "countTokens", Map.of("x-goog-api-key", KEY), generate()), 501, "UNIMPLEMENTED");
    geminiError(call(GEMINI, "generateContent", Map.of("x-goog-api-key", KEY), new JsonObject().put("contents", "hi")),
        400, "INVALID_ARGUMENT");
    assertThat(gemini.requests()).isEmpty();
  }

  @Test
  @DisplayName("A Gemini channel's error keeps its status and Google status on Gemini routes and its message in OpenAI's shape")
  void upstreamErrors() {
    gemini.behaviour().fail(429, UpstreamErrorBodies.geminiError(429, "RESOURCE_EXHAUSTED", "Quota exceeded"));

    JsonObject error = geminiError(call(GEMINI, "generateContent", Map.of("x-goog-api-key", KEY), generate()),
        429, "RESOURCE_EXHAUSTED");
    assertThat(error.getString("message")).isEqualTo("Quota exceeded");

    HttpResponse<Buffer> chat = harness.post("/v1/chat/completions", KEY, RelayHarness.chat(GEMINI, "x"));
    assertThat(chat.statusCode()).isEqualTo(429);
    assertThat(chat.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("RESOURCE_EXHAUSTED");
  }
}
