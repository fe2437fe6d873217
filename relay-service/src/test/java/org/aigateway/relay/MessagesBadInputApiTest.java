package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aigateway.protocol.model.Status;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistyped fields on {@code /v1/messages} routed to an OpenAI channel (the converted route): each is
 * a 400 invalid_request_error in Anthropic's shape naming the field, and nothing reaches the upstream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagesBadInputApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String MODEL = "gpt-converted";

  private RelayHarness harness;
  private FakeOpenAiServer upstream;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("apps", Status.ENABLED, List.of("default"));
    harness.fixtures.token(KEY, "main", "apps", List.of(), Status.ENABLED);
    harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-up", List.of(MODEL), Map.of());
    harness.fixtures.chatModel(MODEL, Fixtures.price("1", "2"));
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void clearRequests() {
    upstream.reset();
  }

  private static JsonObject request() {
    return new JsonObject().put("model", MODEL).put("max_tokens", 64).put("system", "Be brief.")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user")
            .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", "Hello")))));
  }

  private HttpResponse<Buffer> call(JsonObject body) {
    return ProtocolCalls.post(harness, "/v1/messages", Map.of("x-api-key", KEY, "anthropic-version", "2023-06-01"),
        body);
  }

  static Stream<Arguments> mistyped() {
    return Stream.of(
        bad("max_tokens a string", "max_tokens", r -> r.put("max_tokens", "64")),
        bad("stream a string", "stream", r -> r.put("stream", "true")),
        bad("system a number", "system", r -> r.put("system", 42)),
        bad("a message that is a string", "messages.0", r -> r.getJsonArray("messages").set(0, "Hello")),
        bad("a content block of an unknown type", "messages.0.content.0.type", r -> r.getJsonArray("messages")
            .getJsonObject(0).getJsonArray("content").set(0, new JsonObject().put("type", "hologram"))));
  }

  private static Arguments bad(String name, String param, Consumer<JsonObject> change) {
    JsonObject body = request();
    change.accept(body);
    return Arguments.of(name, param, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistyped")
  @DisplayName("A mistyped field is a 400 invalid_request_error in Anthropic's shape naming it, never sent upstream")
  void mistypedFieldRefused(String name, String param, JsonObject body) {
    HttpResponse<Buffer> response = call(body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject json = response.bodyAsJsonObject();
    assertThat(json.getString("type")).isEqualTo("error");
    assertThat(json.getJsonObject("error").getString("type")).isEqualTo("invalid_request_error");
    assertThat(json.getJsonObject("error").getString("message")).contains("`" + param + "`");
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  @DisplayName("The well-typed request the cases start from is served")
  void wellTypedServed() {
    assertThat(call(request()).statusCode()).isEqualTo(200);
  }
}
