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
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OpenAI endpoints beyond chat: engines embeddings, rerank on a Jina channel, moderations and
 * image generations passed through, and the routes answered 501.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointsApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer upstream;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("endpoints", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "endpoints", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-up",
        List.of("text-embedding-3-small", "omni-moderation-latest", "dall-e-3"), Map.of());
    harness.fixtures.channel(47, upstream.baseUrl(), "jina-key", List.of("jina-reranker-v2"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.modelConfig("text-embedding-3-small", 3, Fixtures.price("0.02", "0"), 0, new JsonObject());
    harness.fixtures.modelConfig("jina-reranker-v2", 10, Fixtures.price("0.02", "0"), 0, new JsonObject());
    harness.fixtures.modelConfig("omni-moderation-latest", 4, Fixtures.price("0", "0"), 0, new JsonObject());
    harness.fixtures.modelConfig("dall-e-3", 5, Fixtures.price("1", "40"), 0, new JsonObject());
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    upstream.reset();
  }

  private RelayCompleted eventOf(HttpResponse<Buffer> response) {
    return harness.event(response.getHeader(RequestIds.HEADER));
  }

  @Test
  @DisplayName("/v1/engines/{model}/embeddings takes the model from the path and sends it in the body")
  void engineEmbeddings() {
    upstream.behaviour().usage(4, 0);

    HttpResponse<Buffer> response = harness.post("/v1/engines/text-embedding-3-small/embeddings", KEY,
        new JsonObject().put("input", "hello"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/embeddings");
    assertThat(upstream.lastRequest().json().getString("model")).isEqualTo("text-embedding-3-small");
    assertThat(eventOf(response).model()).isEqualTo("text-embedding-3-small");
    assertThat(eventOf(response).mode()).isEqualTo(3);
  }

  @Test
  @DisplayName("A rerank on a Jina channel goes to {base}/rerank and its answer and usage pass through")
  void rerank() {
    upstream.behaviour().usage(33, 0);
    JsonObject request = new JsonObject().put("model", "jina-reranker-v2").put("query", "capital of France")
        .put("documents", new JsonArray().add("Paris").add("Berlin")).put("top_n", 2);

    HttpResponse<Buffer> response = harness.post("/v1/rerank", KEY, request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/rerank");
    assertThat(upstream.lastRequest().header("Authorization")).isEqualTo("Bearer jina-key");
    assertThat(upstream.lastRequest().json()).isEqualTo(request);
    assertThat(response.bodyAsJsonObject().getJsonArray("results")).hasSize(2);
    RelayCompleted event = eventOf(response);
    assertThat(event.usage()).isEqualTo(Usage.of(33, 0));
    assertThat(event.usageEstimated()).isFalse();
    assertThat(event.mode()).isEqualTo(10);
  }

  @Test
  @DisplayName("A rerank answer without usage is billed on the counted query and documents")
  void rerankWithoutUsage() {
    upstream.behaviour().omitUsage();

    HttpResponse<Buffer> response = harness.post("/v1/rerank", KEY, new JsonObject().put("model", "jina-reranker-v2")
        .put("query", "capital of France").put("documents", new JsonArray().add("Paris is the capital")));

    RelayCompleted event = eventOf(response);
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage().inputTokens()).isPositive();
  }

  @Test
  @DisplayName("Moderations and image generations on an OpenAI channel pass through as JSON")
  void moderationsAndImages() {
    HttpResponse<Buffer> moderation = harness.post("/v1/moderations", KEY,
        new JsonObject().put("model", "omni-moderation-latest").put("input", "be nice"));
    assertThat(moderation.statusCode()).isEqualTo(200);
    assertThat(moderation.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getBoolean("flagged")).isFalse();
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/moderations");

    HttpResponse<Buffer> images = harness.post("/v1/images/generations", KEY,
        new JsonObject().put("model", "dall-e-3").put("prompt", "a cat").put("n", 2));
    assertThat(images.statusCode()).isEqualTo(200);
    assertThat(images.bodyAsJsonObject().getJsonArray("data")).hasSize(2);
    assertThat(eventOf(images).usage().imageOutputTokens()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"GET,/v1/files", "POST,/v1/files", "GET,/v1/files/file-1/content", "POST,/v1/fine_tuning/jobs",
      "GET,/v1/fine_tuning/jobs/ft-1/events", "POST,/v1/assistants", "GET,/v1/assistants/asst_1",
      "POST,/v1/threads", "POST,/v1/threads/thread_1/runs", "POST,/v1/images/variations",
      "DELETE,/v1/models/gpt-4o"})
  @DisplayName("Routes the gateway does not serve answer 501 api_not_implemented in OpenAI's shape")
  void notImplemented(String method, String path) {
    HttpResponse<Buffer> response = ProtocolCalls.send(harness, method, path, KEY);

    assertThat(response.statusCode()).isEqualTo(501);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("api_not_implemented");
    assertThat(error.getString("message")).contains(path);
  }

  @Test
  @DisplayName("Routes that do not exist stay 404 unknown_url")
  void unknownRoute() {
    HttpResponse<Buffer> response = ProtocolCalls.send(harness, "GET", "/v1/nothing-here", KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unknown_url");
  }
}
