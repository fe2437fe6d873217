package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Status;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Model {@code gpt-retry} has two channels: {@code failing} (weight 10, always picked first) and
 * {@code healthy} (priority -1: weight 0, only picked once the other was tried); its streams wait 1 s
 * for a first byte ({@code timeout_config.stream_request_timeout}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String OPENAI_ERROR = "{\"error\":{\"message\":\"%s\",\"type\":\"%s\",\"param\":null,\"code\":\"%s\"}}";

  private RelayHarness harness;
  private FakeOpenAiServer failing;
  private FakeOpenAiServer healthy;
  private int failingId;
  private int healthyId;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    failing = harness.fake();
    healthy = harness.fake();
    harness.fixtures.group("retry", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "retry", List.of(), Status.ENABLED);
    failingId = harness.fixtures.channel(1, failing.baseUrl(), "sk-failing", List.of("gpt-retry", "gpt-solo"),
        Map.of(), 0, Status.ENABLED, List.of("default"));
    healthyId = harness.fixtures.channel(1, healthy.baseUrl(), "sk-healthy", List.of("gpt-retry"),
        Map.of(), -1, Status.ENABLED, List.of("default"));
    harness.fixtures.channel(1, "http://127.0.0.1:1/v1", "sk-dead", List.of("gpt-dead"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.channel(999, "http://127.0.0.1:1/v1", "sk-odd", List.of("gpt-odd"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.modelConfig("gpt-retry", 1, Fixtures.price("1", "2"), 0,
        new JsonObject().put("stream_request_timeout", 1));
    for (String model : List.of("gpt-solo", "gpt-dead", "gpt-odd")) {
      harness.fixtures.chatModel(model, Fixtures.price("1", "2"));
    }
    harness.deploy(Map.of("RETRY_TIMES", 1, "RELAY_TIMEOUT_SECONDS", 2));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void reset() {
    failing.reset();
    healthy.reset();
  }

  private HttpResponse<Buffer> chat(String model) {
    return harness.post("/v1/chat/completions", KEY, RelayHarness.chat(model, "hi"));
  }

  @Test
  @DisplayName("An upstream 500 is retried on another channel, and both attempts are recorded")
  void serverErrorRetriedElsewhere() {
    failing.behaviour().fail(500, OPENAI_ERROR.formatted("boom", "server_error", "internal"));

    HttpResponse<Buffer> response = chat("gpt-retry");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(failing.requests()).hasSize(1);
    assertThat(healthy.requests()).hasSize(1);
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.channelId()).isEqualTo(healthyId);
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.attempts()).extracting(Attempt::channelId, Attempt::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(failingId, 500),
            org.assertj.core.groups.Tuple.tuple(healthyId, 200));
    assertThat(event.attempts().get(0).error()).isEqualTo("boom");
  }

  @Test
  @DisplayName("An upstream 400 is not retried and reaches the client with its status and OpenAI body")
  void badRequestNotRetried() {
    String body = OPENAI_ERROR.formatted("max_tokens is too large", "invalid_request_error", "invalid_value");
    failing.behaviour().fail(400, body);

    HttpResponse<Buffer> response = chat("gpt-retry");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject(body));
    assertThat(healthy.requests()).isEmpty();
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(400);
    assertThat(event.content()).isEqualTo("max_tokens is too large");
    assertThat(event.attempts()).hasSize(1);
  }

  @Test
  @DisplayName("An upstream error body that is not OpenAI-shaped is re-rendered in OpenAI's shape with its status")
  void plainErrorBodyReRendered() {
    failing.behaviour().fail(422, "unprocessable: temperature");

    HttpResponse<Buffer> response = chat("gpt-solo");

    assertThat(response.statusCode()).isEqualTo(422);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("message")).isEqualTo("unprocessable: temperature");
    assertThat(error.getString("type")).isEqualTo("upstream_error");
    assertThat(error.containsKey("param")).isTrue();
  }

  @Test
  @DisplayName("An upstream slower than the relay timeout gives 504 in OpenAI's shape, after retrying its only channel")
  void timeoutIs504() {
    failing.behaviour().delay(3_500);

    HttpResponse<Buffer> response = chat("gpt-solo");

    assertThat(response.statusCode()).isEqualTo(504);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("upstream_timeout");
    assertThat(error.getString("message")).contains("no complete answer within 2 s");
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(504);
    assertThat(event.attempts()).extracting(Attempt::channelId, Attempt::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(failingId, 504),
            org.assertj.core.groups.Tuple.tuple(failingId, 504));
    assertThat(event.attempts()).allSatisfy(attempt -> assertThat(attempt.durationMs()).isGreaterThanOrEqualTo(1_900));
  }

  @Test
  @DisplayName("A stream whose upstream sends no first byte in time is retried on another channel")
  void firstByteTimeoutRetried() {
    failing.behaviour().stallAfterHeaders();
    HttpClient client = harness.vertx.createHttpClient();

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY,
        RelayHarness.chat("gpt-retry", "hi").put("stream", true)));
    Await.result(capture.ended.future());

    assertThat(capture.content()).isEqualTo("Hello from the fake upstream");
    assertThat(capture.data()).last().isEqualTo("[DONE]");
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.attempts()).extracting(Attempt::status).containsExactly(504, 200);
    assertThat(event.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("An unreachable upstream gives 502 upstream_unreachable")
  void unreachableIs502() {
    HttpResponse<Buffer> response = chat("gpt-dead");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("upstream_unreachable");
  }

  @Test
  @DisplayName("A model served only by channels of an unknown type answers 503 and is still logged")
  void unknownChannelTypeIs503() {
    HttpResponse<Buffer> response = chat("gpt-odd");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("no_available_channel");
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(503);
    assertThat(event.attempts()).isEmpty();
  }
}
