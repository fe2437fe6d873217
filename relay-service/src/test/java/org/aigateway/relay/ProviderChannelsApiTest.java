package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.aigateway.testsupport.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Azure OpenAI (types 3 and 4) and Ollama (type 30) channels, end to end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderChannelsApiTest {

  private static final String KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer azure;
  private FakeOllama ollama;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    azure = harness.fake();
    ollama = new FakeOllama(harness.vertx);
    String azureBase = "http://127.0.0.1:" + azure.port();
    harness.fixtures.group("providers", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "providers", List.of(), Status.ENABLED);
    harness.fixtures.channel(3, azureBase, "azure-key", List.of("gpt-4.1"), Map.of(), 0, Status.ENABLED,
        List.of("default"));
    harness.fixtures.channel(4, azureBase, "azure-key-2|2024-10-21", List.of("gpt-4.1-mini"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.channel(30, ollama.baseUrl(), "", List.of("llama3.2", "all-minilm"), Map.of(), 0,
        Status.ENABLED, List.of("default"));
    harness.fixtures.chatModel("gpt-4.1", Fixtures.price("2", "8"));
    harness.fixtures.chatModel("gpt-4.1-mini", Fixtures.price("0.4", "1.6"));
    harness.fixtures.chatModel("llama3.2", Fixtures.price("0", "0"));
    harness.fixtures.modelConfig("all-minilm", 3, Fixtures.price("0", "0"), 0, new JsonObject());
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    ollama.close();
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    azure.reset();
  }

  @Test
  @DisplayName("Azure type 3 calls the deployment without dots, with the api-key header and the default api-version")
  void azureLegacy() {
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("gpt-4.1", "hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest sent = azure.lastRequest();
    assertThat(sent.path()).isEqualTo("/openai/deployments/gpt-41/chat/completions");
    assertThat(sent.query()).isEqualTo("api-version=2025-04-01-preview");
    assertThat(sent.header("api-key")).isEqualTo("azure-key");
    assertThat(sent.header("Authorization")).isNull();
  }

  @Test
  @DisplayName("Azure serves the Responses API at /openai/responses with the api-version, and the follow-ups of its responses")
  void azureResponses() {
    HttpResponse<Buffer> created = harness.post("/v1/responses", KEY,
        new JsonObject().put("model", "gpt-4.1-mini").put("input", "hi"));
    String id = created.bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> got = harness.get("/v1/responses/" + id, KEY);

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(got.statusCode()).isEqualTo(200);
    List<RecordedRequest> sent = azure.requests();
    assertThat(sent).extracting(r -> r.method() + " " + r.path() + "?" + r.query()).containsExactly(
        "POST /openai/responses?api-version=2024-10-21",
        "GET /openai/responses/" + id + "?api-version=2024-10-21");
    assertThat(sent.get(0).json().getString("model")).isEqualTo("gpt-4.1-mini");
    assertThat(sent).allMatch(r -> "azure-key-2".equals(r.header("api-key")));
  }

  @Test
  @DisplayName("Azure type 4 keeps dots in the deployment and takes the api-version from the key")
  void azureWithVersion() {
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat("gpt-4.1-mini", "hi").put("stream", true));

    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest sent = azure.lastRequest();
    assertThat(sent.path()).isEqualTo("/openai/deployments/gpt-4.1-mini/chat/completions");
    assertThat(sent.query()).isEqualTo("api-version=2024-10-21");
    assertThat(sent.header("api-key")).isEqualTo("azure-key-2");
  }

  @Test
  @DisplayName("An Anthropic client reaches Azure through the chat bridge, its limit sent as max_completion_tokens")
  void anthropicClientOnAzure() {
    HttpResponse<Buffer> response = ProtocolCalls.post(harness, "/v1/messages", Map.of("x-api-key", KEY),
        new JsonObject().put("model", "gpt-4.1").put("max_tokens", 50)
            .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi"))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("message");
    assertThat(azure.lastRequest().path()).isEqualTo("/openai/deployments/gpt-41/chat/completions");
    assertThat(azure.lastRequest().json().getInteger("max_completion_tokens")).isEqualTo(50);
    assertThat(azure.lastRequest().json().containsKey("max_tokens")).isFalse();
  }

  @Test
  @DisplayName("Ollama chat goes to /api/chat natively (stream false, options) and comes back as a chat completion")
  void ollamaWhole() {
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat("llama3.2", "hi").put("max_tokens", 64).put("temperature", 0.2));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject sent = ollama.bodies.get(ollama.bodies.size() - 1);
    assertThat(ollama.paths.get(ollama.paths.size() - 1)).isEqualTo("/api/chat");
    assertThat(sent.getBoolean("stream")).isFalse();
    assertThat(sent.getJsonObject("options").getInteger("num_predict")).isEqualTo(64);
    JsonObject completion = response.bodyAsJsonObject();
    assertThat(completion.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo("Hi there");
    assertThat(harness.event(response.getHeader(RequestIds.HEADER)).usage()).isEqualTo(Usage.of(12, 4));
  }

  @Test
  @DisplayName("An Ollama NDJSON stream, lines cut mid-object, becomes chat chunks ending with [DONE]")
  void ollamaStream() {
    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("llama3.2", "hi")
        .put("stream", true).put("stream_options", new JsonObject().put("include_usage", true)));

    List<ProtocolCalls.Event> events = ProtocolCalls.events(response.bodyAsString());
    assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    StringBuilder text = new StringBuilder();
    JsonObject usage = null;
    for (ProtocolCalls.Event event : events.subList(0, events.size() - 1)) {
      JsonObject chunk = event.json();
      usage = chunk.getValue("usage") instanceof JsonObject u ? u : usage;
      if (!chunk.getJsonArray("choices").isEmpty()) {
        text.append(chunk.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("content", ""));
      }
    }
    assertThat(text.toString()).isEqualTo("Hi there");
    assertThat(usage.getLong("prompt_tokens")).isEqualTo(12);
    assertThat(harness.event(response.getHeader(RequestIds.HEADER)).usage()).isEqualTo(Usage.of(12, 4));
  }

  @Test
  @DisplayName("Ollama embeddings go to /api/embed and come back as OpenAI's embeddings list")
  void ollamaEmbeddings() {
    HttpResponse<Buffer> response = harness.post("/v1/embeddings", KEY,
        new JsonObject().put("model", "all-minilm").put("input", new JsonArray().add("hello")));

    assertThat(ollama.paths.get(ollama.paths.size() - 1)).isEqualTo("/api/embed");
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("object")).isEqualTo("list");
    assertThat(body.getJsonArray("data").getJsonObject(0).getJsonArray("embedding")).hasSize(2);
    assertThat(body.getJsonObject("usage").getLong("prompt_tokens")).isEqualTo(3);
  }
}
