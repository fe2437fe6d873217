package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
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
 * Upstream deadlines through the real relay: chat (mode 1) and Messages (mode 12) requests wait 1 s
 * for a first byte ({@code TIMEOUT_WITH_MODEL_TYPE}) unless the model says otherwise, streams 1 s
 * between chunks; no retries, so each model's single channel answers alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeoutApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer openAi;
  private FakeAnthropicServer anthropic;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    openAi = harness.fake();
    anthropic = Await.result(FakeAnthropicServer.start(harness.vertx));
    harness.fixtures.group("slow", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "slow", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(openAi.baseUrl(), "sk-openai", List.of("gpt-slow", "gpt-patient", "tts-slow"),
        Map.of());
    harness.fixtures.channel(14, anthropic.baseUrl(), "sk-ant", List.of("claude-idle"), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.chatModel("gpt-slow", Fixtures.price("1", "2"));
    harness.fixtures.chatModel("claude-idle", Fixtures.price("1", "2"));
    harness.fixtures.modelConfig("tts-slow", 7, Fixtures.price("15", "0"), 0, new JsonObject());
    harness.fixtures.modelConfig("gpt-patient", 1, Fixtures.price("1", "2"), 0,
        new JsonObject().put("request_timeout", 6));
    harness.deploy(Map.of("RETRY_TIMES", 0, "TIMEOUT_WITH_MODEL_TYPE", "{\"1\": 1, \"12\": 1}",
        "STREAM_IDLE_TIMEOUT_SECONDS", 1, "RELAY_TIMEOUT_SECONDS", 30));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void reset() {
    openAi.reset();
    anthropic.reset();
  }

  @Test
  @DisplayName("An upstream with no first byte in time on the only channel gives 504 in OpenAI's shape")
  void firstByteTimeoutOpenAi() {
    openAi.behaviour().delay(3_000);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("gpt-slow", "hi"));

    assertThat(response.statusCode()).isEqualTo(504);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("upstream_timeout");
    assertThat(error.getString("message")).contains("no first byte within 1 s");
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(504);
    assertThat(event.attempts()).extracting(Attempt::status).containsExactly(504);
  }

  @Test
  @DisplayName("An upstream with no first byte in time gives 504 in Anthropic's shape on /v1/messages")
  void firstByteTimeoutAnthropic() {
    openAi.behaviour().delay(3_000);

    HttpResponse<Buffer> response = messages("gpt-slow", false);

    assertThat(response.statusCode()).isEqualTo(504);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("type")).isEqualTo("error");
    assertThat(body.getJsonObject("error").getString("type")).isNotBlank();
    assertThat(body.getJsonObject("error").getString("message")).contains("no first byte within 1 s");
  }

  @Test
  @DisplayName("A model's timeout_config.request_timeout beats TIMEOUT_WITH_MODEL_TYPE: a 2 s answer arrives")
  void modelTimeoutWins() {
    openAi.behaviour().delay(2_000);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("gpt-patient", "hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getJsonObject("message")
        .getString("content")).isEqualTo("Hello from the fake upstream");
  }

  @Test
  @DisplayName("A stream that stalls after its first chunk ends with an error event and no [DONE], the upstream is "
      + "cancelled and the usage event is truncated with the usage delivered")
  void idleStallOpenAi() {
    openAi.behaviour().reply("one two three").stallAfterChunks(1);
    HttpClient client = harness.vertx.createHttpClient();

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY,
        RelayHarness.chat("gpt-slow", "hi").put("stream", true)));
    Await.result(capture.ended.future());

    assertThat(capture.content()).isEqualTo("one");
    assertThat(capture.data()).doesNotContain("[DONE]");
    JsonObject error = capture.chunks().get(capture.chunks().size() - 1).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("upstream_timeout");
    assertThat(error.getString("message")).contains("no stream data for 1 s");
    Await.until(() -> openAi.cancelledRequests() == 1, 10, "the stalled upstream request to be cancelled");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(504);
    assertThat(event.usage().outputTokens()).isPositive();
    assertThat(event.attempts()).extracting(Attempt::status).containsExactly(504);
  }

  @Test
  @DisplayName("A Responses stream that stalls mid-answer ends with an error event and no response.completed, and is "
      + "logged truncated")
  void idleStallResponses() {
    openAi.behaviour().reply("one two three").stallAfterChunks(1);
    HttpClient client = harness.vertx.createHttpClient();

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, "/v1/responses",
        new JsonObject().put("model", "gpt-slow").put("input", "hi").put("stream", true)));
    Await.result(capture.ended.future());

    assertThat(capture.text()).contains("response.output_text.delta").doesNotContain("response.completed");
    JsonObject error = new JsonObject(capture.data().get(capture.data().size() - 1));
    assertThat(error.getString("code")).isEqualTo("upstream_timeout");
    assertThat(error.getString("message")).contains("no stream data for 1 s");
    Await.until(() -> openAi.cancelledRequests() == 1, 10, "the stalled upstream request to be cancelled");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(504);
  }

  @Test
  @DisplayName("Speech audio that stalls after its first bytes is cut off at the idle deadline (not the total one), "
      + "the upstream cancelled and the call logged truncated")
  void idleStallSpeech() {
    openAi.behaviour().holdAfterFirstChunk(Promise.<Void>promise().future());
    HttpClient client = harness.vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
        .setPort(harness.port()).setURI("/v1/audio/speech").putHeader("Authorization", "Bearer " + KEY)
        .putHeader("Content-Type", "application/json");
    JsonObject body = new JsonObject().put("model", "tts-slow").put("input", "Hello world").put("voice", "alloy");
    String[] requestId = {null};

    assertThatThrownBy(() -> Await.result(client.request(options)
        .compose(request -> request.send(body.toBuffer()))
        .compose(response -> {
          requestId[0] = response.getHeader(RequestIds.HEADER);
          return response.body();
        }))).hasMessageContaining("future failed");

    RelayCompleted event = harness.event(requestId[0]);
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(504);
    assertThat(event.attempts()).extracting(Attempt::error).singleElement().asString()
        .contains("no stream data for 1 s");
    Await.until(() -> openAi.cancelledRequests() == 1, 10, "the stalled upstream request to be cancelled");
  }

  @Test
  @DisplayName("A native Anthropic stream that stalls mid-answer ends with an Anthropic error event and no message_stop")
  void idleStallAnthropic() {
    anthropic.behaviour().reply("one two three").stallAfterChunks(1);

    HttpResponse<Buffer> response = messages("claude-idle", true);

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events).extracting(ProtocolCalls.Event::name).contains("content_block_delta")
        .doesNotContain("message_stop");
    ProtocolCalls.Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("error");
    assertThat(last.json().getJsonObject("error").getString("message")).contains("no stream data for 1 s");
    Await.until(() -> anthropic.cancelledRequests() == 1, 10, "the stalled upstream request to be cancelled");
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.truncated()).isTrue();
    assertThat(event.usage().outputTokens()).isPositive();
  }

  private HttpResponse<Buffer> messages(String model, boolean stream) {
    JsonObject body = new JsonObject().put("model", model).put("max_tokens", 64).put("stream", stream)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Hello")));
    return ProtocolCalls.post(harness, "/v1/messages", Map.of("x-api-key", KEY, "anthropic-version", "2023-06-01"),
        body);
  }
}
