package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry loop once every channel was tried ("exhausted"), with RETRY_TIMES=2 and a 200 ms backoff
 * base: {@code gpt-only} has the single channel {@code only}; {@code gpt-pair} has {@code first}
 * (always picked first) and {@code second} (priority -1: weight 0, picked once the other was tried).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackoffApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final long BASE_MS = 200;
  /** Attempt times are whole milliseconds of two clocks: allow for their rounding. */
  private static final long ROUNDING_MS = 20;
  private static final String OPENAI_ERROR = "{\"error\":{\"message\":\"%s\",\"type\":\"%s\",\"param\":null,\"code\":null}}";

  private RelayHarness harness;
  private FakeOpenAiServer only;
  private FakeOpenAiServer first;
  private FakeOpenAiServer second;
  private int onlyId;
  private int firstId;
  private int secondId;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    only = harness.fake();
    first = harness.fake();
    second = harness.fake();
    harness.fixtures.group("busy", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "busy", List.of(), Status.ENABLED);
    onlyId = harness.fixtures.openAiChannel(only.baseUrl(), "sk-only", List.of("gpt-only"), Map.of());
    firstId = harness.fixtures.openAiChannel(first.baseUrl(), "sk-first", List.of("gpt-pair"), Map.of());
    secondId = harness.fixtures.channel(1, second.baseUrl(), "sk-second", List.of("gpt-pair"), Map.of(), -1,
        Status.ENABLED, List.of("default"));
    harness.fixtures.chatModel("gpt-only", Fixtures.price("1", "2"));
    harness.fixtures.chatModel("gpt-pair", Fixtures.price("1", "2"));
    harness.deploy(Map.of("RETRY_TIMES", 2, "RETRY_BACKOFF_BASE_MS", BASE_MS));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void reset() {
    only.reset();
    first.reset();
    second.reset();
  }

  private HttpResponse<Buffer> chat(String model) {
    return harness.post("/v1/chat/completions", KEY, RelayHarness.chat(model, "hi"));
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {429, 503})
  @DisplayName("A channel that asks for room (429/503) is retried alone after failures × base + jitter, each attempt recorded")
  void sameChannelBacksOff(int status) {
    only.behaviour().fail(status, OPENAI_ERROR.formatted("slow down", "rate_limit_error"));

    HttpResponse<Buffer> response = chat("gpt-only");

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(only.requests()).hasSize(3);
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    List<Attempt> attempts = event.attempts();
    assertThat(attempts).extracting(Attempt::channelId, Attempt::status)
        .containsExactly(tuple(onlyId, status), tuple(onlyId, status), tuple(onlyId, status));
    assertThat(pause(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(BASE_MS - ROUNDING_MS);
    assertThat(pause(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(2 * BASE_MS - ROUNDING_MS);
  }

  @Test
  @DisplayName("An upstream 400 on the only channel is never retried, even with retries left")
  void badRequestNeverRetried() {
    only.behaviour().fail(400, OPENAI_ERROR.formatted("bad temperature", "invalid_request_error"));

    HttpResponse<Buffer> response = chat("gpt-only");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(only.requests()).hasSize(1);
    assertThat(harness.event(response.getHeader(RequestIds.HEADER)).attempts()).hasSize(1);
  }

  @Test
  @DisplayName("A stream that broke after its first byte reached the client is not retried on the same channel")
  void noRetryAfterFirstByte() {
    only.behaviour().reply("a b c d").closeAfterChunks(2);
    HttpClient client = harness.vertx.createHttpClient();

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY,
        RelayHarness.chat("gpt-only", "hi").put("stream", true)));
    Await.result(capture.ended.future());

    assertThat(capture.content()).isEqualTo("a b");
    assertThat(capture.data()).doesNotContain("[DONE]");
    assertThat(only.requests()).hasSize(1);
    RelayCompleted event = harness.event(capture.response.getHeader(RequestIds.HEADER));
    assertThat(event.attempts()).hasSize(1);
    assertThat(event.truncated()).isTrue();
  }

  @Test
  @DisplayName("Once every channel failed, a channel that failed with permission is retried, never one that answered 401")
  void exhaustedSkipsRefusedChannel() {
    first.behaviour().fail(401, OPENAI_ERROR.formatted("invalid key", "authentication_error"));
    second.behaviour().fail(500, OPENAI_ERROR.formatted("boom", "server_error"));

    HttpResponse<Buffer> response = chat("gpt-pair");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(first.requests()).hasSize(1);
    assertThat(second.requests()).hasSize(3);
    assertThat(harness.event(response.getHeader(RequestIds.HEADER)).attempts())
        .extracting(Attempt::channelId, Attempt::status)
        .containsExactly(tuple(firstId, 401), tuple(secondId, 500), tuple(secondId, 500), tuple(secondId, 500));
  }

  @Test
  @DisplayName("Once every channel failed with permission, the one with the fewest failures is retried")
  void exhaustedPicksFewestFailures() {
    first.behaviour().fail(502, OPENAI_ERROR.formatted("bad gateway", "server_error"));
    second.behaviour().fail(500, OPENAI_ERROR.formatted("boom", "server_error"));

    HttpResponse<Buffer> response = chat("gpt-pair");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(harness.event(response.getHeader(RequestIds.HEADER)).attempts())
        .extracting(Attempt::channelId, Attempt::status)
        .containsExactly(tuple(firstId, 502), tuple(secondId, 500), tuple(firstId, 502));
  }

  /** Milliseconds from the end of one attempt to the start of the next. */
  private static long pause(Attempt earlier, Attempt later) {
    return later.startedAt() - (earlier.startedAt() + earlier.durationMs());
  }
}
