package org.aigateway.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.config.Settings;
import org.aigateway.testsupport.Await;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.RecordedRequest;
import org.aigateway.testsupport.TestDatabases;
import org.aigateway.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The all-in-one gateway, driven over HTTP like an admin and an OpenAI SDK")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayEndToEndTest {

  private static Vertx vertx;
  private static FakeOpenAiServer upstream;
  private static Gateway gateway;
  private static GatewayClient client;
  private static String key;
  private static long tokenId;
  private static String chatRequestId;
  private static String streamRequestId;

  @BeforeAll
  static void start(@TempDir Path journal) {
    vertx = Vertx.vertx();
    upstream = Await.result(FakeOpenAiServer.start(vertx));
    gateway = Await.result(Gateway.start(Settings.of(Map.of(
        "SQL_DSN", TestDatabases.freshDatabase(vertx),
        "REDIS_CONN_STRING", TestRedis.uri(),
        "ADMIN_KEY", GatewayClient.ADMIN_KEY,
        "LISTEN", "127.0.0.1:0",
        "OUTBOX_JOURNAL_DIR", journal.toString(),
        "OUTBOX_FLUSH_INTERVAL_MS", "20"))), 60);
    client = new GatewayClient(vertx, gateway.port());
    JsonObject token = client.setUp(upstream.baseUrl(), "acme");
    key = token.getString("key");
    tokenId = token.getLong("id");
    client.awaitModel(key, "gpt-4o-mini");
  }

  @AfterAll
  static void stop() {
    client.close();
    Await.result(gateway.stop(), 60);
    Await.result(vertx.close());
  }

  @Test
  @Order(1)
  @DisplayName("a non-streamed chat is relayed to the channel with its mapped model and key, usage intact")
  void chat() {
    HttpResponse<Buffer> response = client.relay(HttpMethod.POST, "/v1/chat/completions", key, chatBody(false));

    assertThat(response.statusCode()).isEqualTo(200);
    chatRequestId = response.getHeader("X-Request-Id");
    assertThat(chatRequestId).isNotBlank();
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo("Hello from the fake upstream");
    assertThat(body.getJsonObject("usage").getInteger("prompt_tokens")).isEqualTo(12);
    assertThat(body.getJsonObject("usage").getInteger("completion_tokens")).isEqualTo(6);
    RecordedRequest relayed = upstream.lastRequest();
    assertThat(relayed.path()).isEqualTo("/v1/chat/completions");
    assertThat(relayed.json().getString("model")).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(relayed.header("Authorization")).isEqualTo("Bearer sk-upstream-secret");
  }

  @Test
  @Order(2)
  @DisplayName("a streamed chat arrives as SSE chunks ending in [DONE], without the usage chunk it did not ask for")
  void streamedChat() {
    HttpResponse<Buffer> response = client.relay(HttpMethod.POST, "/v1/chat/completions", key, chatBody(true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
    streamRequestId = response.getHeader("X-Request-Id");
    List<String> events = Arrays.stream(response.bodyAsString().split("\n\n"))
        .map(String::trim).filter(e -> !e.isEmpty()).toList();
    assertThat(events).last().isEqualTo("data: [DONE]");
    StringBuilder text = new StringBuilder();
    for (String event : events.subList(0, events.size() - 1)) {
      JsonObject chunk = new JsonObject(event.substring("data: ".length()));
      assertThat(chunk.containsKey("usage") && chunk.getValue("usage") != null).as(event).isFalse();
      JsonObject delta = chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
      text.append(delta.getString("content", ""));
    }
    assertThat(text.toString()).isEqualTo("Hello from the fake upstream");
    JsonObject relayed = upstream.lastRequest().json();
    assertThat(relayed.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
  }

  @Test
  @Order(3)
  @DisplayName("embeddings and the model list are served for the token")
  void embeddingsAndModels() {
    HttpResponse<Buffer> embeddings = client.relay(HttpMethod.POST, "/v1/embeddings", key,
        new JsonObject().put("model", "text-embedding-3-small").put("input", "hello world"));
    assertThat(embeddings.statusCode()).isEqualTo(200);
    assertThat(embeddings.bodyAsJsonObject().getJsonArray("data")).hasSize(1);

    HttpResponse<Buffer> models = client.relay(HttpMethod.GET, "/v1/models", key, null);
    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(models.bodyAsJsonObject().getJsonArray("data").stream()
        .map(m -> ((JsonObject) m).getString("id")).toList())
        .containsExactlyInAnyOrder("gpt-4o-mini", "text-embedding-3-small");
    assertThat(client.relay(HttpMethod.GET, "/v1/models/gpt-4o-mini", key, null).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(4)
  @DisplayName("bad keys and unknown models get OpenAI-shaped errors, each with a request id")
  void errors() {
    HttpResponse<Buffer> badKey = client.relay(HttpMethod.POST, "/v1/chat/completions", "sk-nope", chatBody(false));
    assertThat(badKey.statusCode()).isEqualTo(401);
    assertThat(badKey.bodyAsJsonObject().getJsonObject("error").getString("message")).isNotBlank();
    assertThat(badKey.getHeader("X-Request-Id")).isNotBlank();

    HttpResponse<Buffer> unknown = client.relay(HttpMethod.POST, "/v1/chat/completions", key,
        chatBody(false).put("model", "no-such-model"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("model_not_found");
  }

  @Test
  @Order(5)
  @DisplayName("each call is stored once in the logs with its usage and amount, and billed to the token")
  void logsAndBilling() {
    JsonObject page = Await.until(() -> Future.succeededFuture(
            (JsonObject) client.admin(HttpMethod.GET, "/api/log/acme?per_page=50", null)),
        p -> p.getLong("total") == 3, 20, "three log rows");
    JsonArray logs = page.getJsonArray("logs");
    JsonObject chat = find(logs, chatRequestId);
    JsonObject stream = find(logs, streamRequestId);
    assertThat(chat.getString("model")).isEqualTo("gpt-4o-mini");
    assertThat(chat.getString("actual_model")).isEqualTo("gpt-4o-mini-2024-07-18");
    assertThat(chat.getInteger("code")).isEqualTo(200);
    assertThat(chat.getJsonObject("usage").getLong("input_tokens")).isEqualTo(12);
    assertThat(chat.getJsonObject("usage").getLong("output_tokens")).isEqualTo(6);
    // 12 × 0.15 / 1K + 6 × 0.6 / 1K
    assertThat(new BigDecimal(chat.getValue("used_amount").toString())).isEqualByComparingTo("0.0054");
    assertThat(stream.getBoolean("stream")).isTrue();
    assertThat(new BigDecimal(stream.getValue("used_amount").toString())).isEqualByComparingTo("0.0054");

    BigDecimal expected = new BigDecimal("0.0108").add(embeddingAmount(logs));
    JsonObject token = Await.until(() -> Future.succeededFuture(
            (JsonObject) client.admin(HttpMethod.GET, "/api/token/acme/" + tokenId, null)),
        t -> new BigDecimal(t.getValue("used_amount").toString()).compareTo(expected) == 0, 20, "the token's spend");
    assertThat(token.getLong("request_count")).isEqualTo(3);
  }

  private static BigDecimal embeddingAmount(JsonArray logs) {
    JsonObject embedding = logs.stream().map(JsonObject.class::cast)
        .filter(l -> "text-embedding-3-small".equals(l.getString("model"))).findFirst().orElseThrow();
    long input = embedding.getJsonObject("usage").getLong("input_tokens");
    assertThat(input).isPositive();
    BigDecimal amount = new BigDecimal(embedding.getValue("used_amount").toString());
    assertThat(amount).isEqualByComparingTo(new BigDecimal("0.02").multiply(BigDecimal.valueOf(input))
        .divide(BigDecimal.valueOf(1000)));
    return amount;
  }

  private static JsonObject find(JsonArray logs, String requestId) {
    return logs.stream().map(JsonObject.class::cast)
        .filter(l -> requestId.equals(l.getString("request_id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no log row for " + requestId + " in " + logs.encodePrettily()));
  }

  static JsonObject chatBody(boolean stream) {
    return new JsonObject().put("model", "gpt-4o-mini").put("stream", stream)
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Say hello")));
  }
}
