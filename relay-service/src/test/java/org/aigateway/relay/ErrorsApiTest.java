package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
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

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorsApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String LIMITED_KEY = Fixtures.newKey();
  private static final String DISABLED_KEY = Fixtures.newKey();
  private static final String DISABLED_GROUP_KEY = Fixtures.newKey();

  private RelayHarness harness;
  private FakeOpenAiServer upstream;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("ok", Status.ENABLED, List.of("default"));
    harness.fixtures.group("off", Status.DISABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "ok", List.of(), Status.ENABLED);
    harness.fixtures.token(LIMITED_KEY, "limited", "ok", List.of("GPT-4O"), Status.ENABLED);
    harness.fixtures.token(DISABLED_KEY, "disabled", "ok", List.of(), Status.DISABLED);
    harness.fixtures.token(DISABLED_GROUP_KEY, "main", "off", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-up", List.of("gpt-4o", "gpt-4o-mini",
        "text-embedding-3-small", "unconfigured"), Map.of());
    harness.fixtures.channel(1, upstream.baseUrl(), "sk-vip", List.of("gpt-vip"), Map.of(), 0, Status.ENABLED,
        List.of("vip"));
    harness.fixtures.chatModel("gpt-4o", Fixtures.price("1", "1"));
    harness.fixtures.chatModel("gpt-4o-mini", Fixtures.price("1", "1"));
    harness.fixtures.chatModel("gpt-vip", Fixtures.price("1", "1"));
    harness.fixtures.modelConfig("text-embedding-3-small", 3, Fixtures.price("1", "0"), 0, new JsonObject());
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

  private HttpResponse<Buffer> chat(String key, String model) {
    return harness.post("/v1/chat/completions", key, RelayHarness.chat(model, "hi"));
  }

  private static JsonObject error(HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.getHeader(RequestIds.HEADER)).isNotBlank();
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.fieldNames()).contains("message", "type", "code", "param");
    assertThat(error.getString("message")).isNotBlank();
    return error;
  }

  @Test
  @DisplayName("Unknown, missing, disabled keys and keys of disabled groups get 401 invalid_api_key")
  void badKeysAre401() {
    assertThat(error(chat("no-such-key", "gpt-4o"), 401).getString("code")).isEqualTo("invalid_api_key");
    assertThat(error(chat(DISABLED_KEY, "gpt-4o"), 401).getString("message")).contains("disabled");
    assertThat(error(chat(DISABLED_GROUP_KEY, "gpt-4o"), 401).getString("message")).contains("group");
    HttpResponse<Buffer> missing = Await.result(harness.web.post(harness.port(), "127.0.0.1", "/v1/chat/completions")
        .sendJsonObject(RelayHarness.chat("gpt-4o", "hi")));
    assertThat(error(missing, 401).getString("type")).isEqualTo("invalid_request_error");
  }

  @Test
  @DisplayName("The key is also accepted from X-Api-Key, with or without the sk- prefix")
  void xApiKeyAccepted() {
    HttpResponse<Buffer> response = Await.result(harness.web.get(harness.port(), "127.0.0.1", "/v1/models")
        .putHeader("X-Api-Key", "sk-" + KEY).send());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Unknown models, models outside the token's list or the group's sets, and unconfigured models get 404")
  void unavailableModelsAre404() {
    JsonObject unknown = error(chat(KEY, "gpt-nope"), 404);
    assertThat(unknown.getString("code")).isEqualTo("model_not_found");
    assertThat(unknown.getString("message")).isEqualTo("The model `gpt-nope` does not exist or you do not have access to it.");
    assertThat(error(chat(LIMITED_KEY, "gpt-4o-mini"), 404).getString("code")).isEqualTo("model_not_found");
    assertThat(error(chat(KEY, "gpt-vip"), 404).getString("code")).isEqualTo("model_not_found");
    assertThat(error(chat(KEY, "unconfigured"), 404).getString("code")).isEqualTo("model_not_found");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  @DisplayName("A token's model list matches case-insensitively")
  void allowListIgnoresCase() {
    assertThat(chat(LIMITED_KEY, "gpt-4o").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A model whose type does not fit the endpoint gets 404 on that endpoint")
  void wrongEndpointIs404() {
    JsonObject error = error(chat(KEY, "text-embedding-3-small"), 404);

    assertThat(error.getString("message")).isEqualTo("The model `text-embedding-3-small` does not exist on this endpoint.");
  }

  @Test
  @DisplayName("Bad JSON, an empty body and a missing or non-string model get 400 naming the problem")
  void badBodiesAre400() {
    JsonObject badJson = error(harness.post("/v1/chat/completions", KEY, Buffer.buffer("{\"model\": ")), 400);
    assertThat(badJson.getString("type")).isEqualTo("invalid_request_error");
    error(harness.post("/v1/chat/completions", KEY, Buffer.buffer("[1, 2]")), 400);
    error(harness.post("/v1/chat/completions", KEY, Buffer.buffer("")), 400);
    JsonObject missing = error(harness.post("/v1/chat/completions", KEY, new JsonObject().put("messages", "x")), 400);
    assertThat(missing.getString("param")).isEqualTo("model");
    assertThat(missing.getString("message")).contains("model");
    JsonObject notString = error(harness.post("/v1/embeddings", KEY, new JsonObject().put("model", 42)), 400);
    assertThat(notString.getString("param")).isEqualTo("model");
    error(harness.post("/v1/completions", KEY, new JsonObject().put("model", " ")), 400);
  }

  @Test
  @DisplayName("A body over 50 MB gets 413 in OpenAI's shape")
  void oversizedBodyIs413() {
    Buffer huge = Buffer.buffer(new byte[51 * 1024 * 1024]);

    JsonObject error = error(harness.post("/v1/chat/completions", KEY, huge), 413);

    assertThat(error.getString("code")).isEqualTo("request_too_large");
  }

  @Test
  @DisplayName("An unknown /v1 path gets 404 in OpenAI's shape")
  void unknownPathIs404() {
    assertThat(error(harness.get("/v1/nothing/here", KEY), 404).getString("message")).contains("/v1/nothing/here");
  }

  @Test
  @DisplayName("Requests rejected before model resolution produce no usage event")
  void rejectedRequestsAreNotLogged() {
    String unauthorized = chat("no-such-key", "gpt-4o").getHeader(RequestIds.HEADER);
    String badJson = harness.post("/v1/chat/completions", KEY, Buffer.buffer("nope")).getHeader(RequestIds.HEADER);
    String ok = chat(KEY, "gpt-4o").getHeader(RequestIds.HEADER);

    harness.event(ok);
    assertThat(harness.events).noneMatch(e -> e.requestId().equals(unauthorized) || e.requestId().equals(badJson));
  }

  @Test
  @DisplayName("The admin key is an internal caller that may use every set")
  void adminKeyIsInternal() {
    HttpResponse<Buffer> response = chat(RelayHarness.ADMIN_KEY, "gpt-vip");

    assertThat(response.statusCode()).isEqualTo(200);
    var event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.tokenId()).isZero();
    assertThat(event.groupId()).isEqualTo("internal");
  }
}
