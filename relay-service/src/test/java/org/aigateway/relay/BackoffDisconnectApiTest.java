package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.Attempt;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Status;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A client that leaves while the relay waits out a retry backoff: RETRY_TIMES=3 on the single
 * channel of {@code gpt-leave}, which answers 429, and a 1.5 s backoff base, so the client's
 * disconnect lands in the first pause (1.5–3 s) long before a second attempt could start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackoffDisconnectApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String MODEL = "gpt-leave";

  private RelayHarness harness;
  private FakeOpenAiServer only;
  private int onlyId;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    only = harness.fake();
    harness.fixtures.group("leaving", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "leaving", List.of(), Status.ENABLED);
    onlyId = harness.fixtures.openAiChannel(only.baseUrl(), "sk-only", List.of(MODEL), Map.of());
    harness.fixtures.chatModel(MODEL, Fixtures.price("1", "2"));
    harness.deploy(Map.of("RETRY_TIMES", 3, "RETRY_BACKOFF_BASE_MS", 1500));
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @Test
  @DisplayName("A client that disconnects during the backoff pause ends the retries: one upstream request, a 499 event")
  void disconnectStopsRetries() {
    only.behaviour().fail(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"param\":null,"
        + "\"code\":null}}");
    HttpClient client = harness.vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
        .setPort(harness.port()).setURI("/v1/chat/completions").putHeader("Authorization", "Bearer " + KEY)
        .putHeader("Content-Type", "application/json");
    HttpClientRequest request = Await.result(client.request(options));
    request.send(RelayHarness.chat(MODEL, "hi").toBuffer());
    Await.until(() -> only.requests().size() == 1, 10, "the first attempt to reach the upstream");

    Await.result(request.connection().close());

    Await.until(() -> harness.events.stream().anyMatch(e -> e.model().equals(MODEL)), 10,
        "the usage event of the abandoned request");
    RelayCompleted event = harness.events.stream().filter(e -> e.model().equals(MODEL)).findFirst().orElseThrow();
    assertThat(event.status()).isEqualTo(499);
    assertThat(event.attempts()).extracting(Attempt::channelId, Attempt::status).containsExactly(tuple(onlyId, 429));
    assertThat(only.requests()).as("no retry after the client left").hasSize(1);
  }
}
