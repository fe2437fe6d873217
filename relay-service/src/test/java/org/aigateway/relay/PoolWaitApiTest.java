package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deadlines while a request waits for a pooled upstream connection: one connection per upstream host
 * ({@code UPSTREAM_POOL_SIZE} 1), held by a stream the test releases, and a 1 s first-byte deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolWaitApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer openAi;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    openAi = harness.fake();
    harness.fixtures.group("pooled", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "pooled", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(openAi.baseUrl(), "sk-openai", List.of("gpt-pooled"), Map.of());
    harness.fixtures.chatModel("gpt-pooled", Fixtures.price("1", "2"));
    harness.deploy(Map.of("RETRY_TIMES", 0, "UPSTREAM_POOL_SIZE", 1, "TIMEOUT_WITH_MODEL_TYPE", "{\"1\": 1}",
        "STREAM_IDLE_TIMEOUT_SECONDS", 0, "RELAY_TIMEOUT_SECONDS", 120));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("A request still waiting for a pooled connection when its first-byte deadline passes gets its 504 "
      + "then, not once the connection frees")
  void deadlinePassesWhileWaitingForAConnection() {
    Promise<Void> release = Promise.promise();
    openAi.behaviour().holdAfterFirstChunk(release.future());
    HttpClient client = harness.vertx.createHttpClient();
    SseCapture holder = Await.result(SseCapture.open(client, harness.port(), KEY,
        RelayHarness.chat("gpt-pooled", "hold the only connection").put("stream", true)));
    Await.result(holder.firstChunk.future(), 10);

    HttpResponse<Buffer> waiting = Await.result(harness.web.post(harness.port(), "127.0.0.1", "/v1/chat/completions")
        .putHeader("Authorization", "Bearer " + KEY)
        .sendJsonObject(RelayHarness.chat("gpt-pooled", "wait for a connection")), 20);

    assertThat(holder.ended.future().isComplete()).as("the stream holding the connection is still open").isFalse();
    assertThat(waiting.statusCode()).isEqualTo(504);
    JsonObject error = waiting.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("message")).contains("no first byte within 1 s");
    RelayCompleted event = harness.event(waiting.getHeader(RequestIds.HEADER));
    assertThat(event.attempts()).extracting(Attempt::status).containsExactly(504);

    harness.vertx.runOnContext(v -> release.complete());
    Await.result(holder.ended.future());
    assertThat(holder.data()).last().isEqualTo("[DONE]");
    assertThat(openAi.requests()).hasSize(1);
  }
}
