package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String REPLY = "Hello from the fake upstream";
  private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private HttpClient client;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("streamers", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "streamers", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-upstream", List.of("gpt-4o"), Map.of());
    harness.fixtures.chatModel("gpt-4o", Fixtures.price("2.5", "10"));
    harness.deploy(Map.of());
    client = harness.vertx.createHttpClient();
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    upstream.reset();
  }

  private static JsonObject streamRequest(boolean includeUsage) {
    JsonObject body = RelayHarness.chat("gpt-4o", "Stream to me").put("stream", true);
    return includeUsage ? body.put("stream_options", new JsonObject().put("include_usage", true)) : body;
  }

  private SseCapture stream(JsonObject body) {
    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, body));
    Await.result(capture.ended.future());
    return capture;
  }

  private RelayCompleted eventOf(SseCapture capture) {
    return harness.event(capture.response.getHeader(RequestIds.HEADER));
  }

  @Test
  @DisplayName("Chunks reach the client while the upstream is still streaming")
  void relaysChunkByChunk() {
    Promise<Void> release = Promise.promise();
    upstream.behaviour().holdAfterFirstChunk(release.future());

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, streamRequest(false)));
    Await.result(capture.firstChunk.future(), 30);

    // The upstream is held after its first chunk, so the client has it while the upstream still streams.
    assertThat(capture.data()).doesNotContain("[DONE]");
    assertThat(capture.content()).isEqualTo("Hello");
    harness.vertx.runOnContext(v -> release.complete());
    Await.result(capture.ended.future());
    assertThat(capture.content()).isEqualTo(REPLY);
    assertThat(capture.data()).last().isEqualTo("[DONE]");
    assertThat(capture.response.getHeader("Content-Type")).startsWith("text/event-stream");
  }

  @Test
  @DisplayName("The relay asks for usage, hides the usage chunk from a client that did not, and bills the exact usage")
  void usageChunkHiddenWhenNotAsked() {
    upstream.behaviour().usage(30, 7).details(10, 3);

    SseCapture capture = stream(streamRequest(false));

    JsonObject relayed = upstream.lastRequest().json();
    assertThat(relayed.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
    assertThat(capture.chunks()).noneMatch(chunk -> chunk.getValue("usage") instanceof JsonObject);
    assertThat(capture.chunks()).allMatch(chunk -> !chunk.getJsonArray("choices").isEmpty());
    assertThat(capture.content()).isEqualTo(REPLY);
    assertThat(capture.data()).last().isEqualTo("[DONE]");
    RelayCompleted event = eventOf(capture);
    Usage expected = new Usage(30, 7, 10, 0, 3, 37);
    assertThat(event.usage()).isEqualTo(expected);
    assertThat(event.usageEstimated()).isFalse();
    assertThat(event.stream()).isTrue();
    assertThat(event.truncated()).isFalse();
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.upstreamId()).startsWith("fake-");
    assertThat(event.amount()).isEqualTo(Pricing.amount(expected, Fixtures.price("2.5", "10"), 200));
  }

  @Test
  @DisplayName("A client that asked for include_usage receives the usage chunk")
  void usageChunkShownWhenAsked() {
    upstream.behaviour().usage(21, 5);

    SseCapture capture = stream(streamRequest(true));

    JsonObject last = capture.chunks().get(capture.chunks().size() - 1);
    assertThat(last.getJsonArray("choices")).isEmpty();
    assertThat(last.getJsonObject("usage").getLong("prompt_tokens")).isEqualTo(21);
    assertThat(eventOf(capture).usage()).isEqualTo(Usage.of(21, 5));
  }

  @Test
  @DisplayName("Usage sent in the same chunk as the last choice is read, and that chunk still reaches the client")
  void usageWithChoicesIsRead() {
    upstream.behaviour().usage(18, 4).details(8, 0).usageWithLastChoice();

    SseCapture capture = stream(streamRequest(false));

    assertThat(capture.chunks()).anyMatch(chunk -> "stop".equals(
        chunk.getJsonArray("choices").getJsonObject(0).getString("finish_reason")));
    assertThat(eventOf(capture).usage()).isEqualTo(new Usage(18, 4, 8, 0, 0, 22));
  }

  @Test
  @DisplayName("SSE events split across TCP writes are reassembled, relayed whole and their usage read")
  void splitFramesAreReassembled() {
    upstream.behaviour().usage(11, 6).splitFrames();

    SseCapture capture = stream(streamRequest(false));

    assertThat(capture.content()).isEqualTo(REPLY);
    assertThat(capture.data()).last().isEqualTo("[DONE]");
    assertThat(eventOf(capture).usage()).isEqualTo(Usage.of(11, 6));
  }

  @Test
  @DisplayName("A stream without usage from the upstream is counted on the delivered text and marked estimated")
  void streamWithoutUsageIsEstimated() {
    upstream.behaviour().omitUsage();

    SseCapture capture = stream(streamRequest(false));

    RelayCompleted event = eventOf(capture);
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens(REPLY));
    assertThat(event.usage().inputTokens()).isEqualTo(3 + 3 + O200K.countTokens("userStream to me"));
  }

  @Test
  @DisplayName("An upstream that breaks mid-stream gives the client an error event and no [DONE], logged as truncated")
  void brokenStreamIsTruncated() {
    upstream.behaviour().closeAfterChunks(2);

    SseCapture capture = stream(streamRequest(false));

    assertThat(capture.content()).isEqualTo("Hello from");
    assertThat(capture.data()).doesNotContain("[DONE]");
    JsonObject last = capture.chunks().get(capture.chunks().size() - 1);
    assertThat(last.getJsonObject("error").getString("message")).isNotBlank();
    RelayCompleted event = eventOf(capture);
    assertThat(event.truncated()).isTrue();
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("Hello from"));
    assertThat(event.amount()).isEqualTo(Pricing.amount(event.usage(), event.price(), 502));
  }

  @Test
  @DisplayName("A stream that ends without [DONE] is reported to the client as an error, not as success")
  void missingDoneIsAnError() {
    upstream.behaviour().endWithoutDone();

    SseCapture capture = stream(streamRequest(false));

    assertThat(capture.data()).doesNotContain("[DONE]");
    assertThat(capture.chunks().get(capture.chunks().size() - 1).containsKey("error")).isTrue();
    assertThat(eventOf(capture).truncated()).isTrue();
  }

  @Test
  @DisplayName("An in-band error event reaches the client and marks the request failed")
  void inBandErrorFailsTheRequest() {
    upstream.behaviour().inBandErrorAfterChunks(1);

    SseCapture capture = stream(streamRequest(false));

    JsonObject last = capture.chunks().get(capture.chunks().size() - 1);
    assertThat(last.getJsonObject("error").getString("code")).isEqualTo("overloaded");
    assertThat(capture.chunks().stream().filter(c -> c.containsKey("error"))).hasSize(1);
    RelayCompleted event = eventOf(capture);
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.content()).contains("overloaded mid-stream");
    assertThat(event.truncated()).isTrue();
  }

  @Test
  @DisplayName("A client that disconnects mid-stream cancels the upstream call and is billed for what was produced")
  void clientDisconnectCancelsUpstream() {
    Promise<Void> release = Promise.promise();
    upstream.behaviour().holdAfterFirstChunk(release.future());

    SseCapture capture = Await.result(SseCapture.open(client, harness.port(), KEY, streamRequest(false)));
    Await.result(capture.firstChunk.future(), 30);
    Await.result(capture.response.request().connection().close());

    Await.until(() -> upstream.cancelledRequests() == 1, 30, "the upstream call to be cancelled");
    RelayCompleted event = eventOf(capture);
    assertThat(event.status()).isEqualTo(499);
    assertThat(event.truncated()).isTrue();
    assertThat(event.usage().outputTokens()).isEqualTo(O200K.countTokens("Hello"));
    harness.vertx.runOnContext(v -> release.complete());
  }
}
