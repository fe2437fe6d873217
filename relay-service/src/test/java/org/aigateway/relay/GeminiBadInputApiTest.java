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
 * Mistyped fields on Gemini's {@code generateContent} routed to an OpenAI channel (the converted
 * route): each is a 400 INVALID_ARGUMENT in Gemini's shape naming the field, and nothing reaches
 * the upstream. Gemini has no {@code stream} field (the action in the path streams), so the
 * streaming case is a {@code generationConfig} that is not an object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiBadInputApiTest {

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
    return new JsonObject()
        .put("systemInstruction", new JsonObject().put("parts", new JsonArray().add(new JsonObject().put("text", "Be brief."))))
        .put("generationConfig", new JsonObject().put("maxOutputTokens", 64))
        .put("contents", new JsonArray().add(new JsonObject().put("role", "user")
            .put("parts", new JsonArray().add(new JsonObject().put("text", "Hello")))));
  }

  private HttpResponse<Buffer> call(String action, JsonObject body) {
    return ProtocolCalls.post(harness, "/v1beta/models/" + MODEL + ":" + action, Map.of("x-goog-api-key", KEY), body);
  }

  static Stream<Arguments> mistyped() {
    return Stream.of(
        bad("maxOutputTokens a string", "generationConfig.maxOutputTokens",
            r -> r.getJsonObject("generationConfig").put("maxOutputTokens", "64")),
        bad("snake_case max_output_tokens a string", "generationConfig.maxOutputTokens",
            r -> r.put("generation_config", new JsonObject().put("max_output_tokens", "64")).remove("generationConfig")),
        bad("generationConfig a string", "generationConfig", r -> r.put("generationConfig", "stream")),
        bad("systemInstruction a number", "systemInstruction", r -> r.put("systemInstruction", 42)),
        bad("a content that is a string", "contents[0]", r -> r.getJsonArray("contents").set(0, "Hello")),
        bad("a part of an unknown kind", "contents[0].parts[0]", r -> r.getJsonArray("contents").getJsonObject(0)
            .getJsonArray("parts").set(0, new JsonObject().put("hologram", new JsonObject()))));
  }

  private static Arguments bad(String name, String param, Consumer<JsonObject> change) {
    JsonObject body = request();
    change.accept(body);
    return Arguments.of(name, param, body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistyped")
  @DisplayName("A mistyped field is a 400 INVALID_ARGUMENT in Gemini's shape naming it, never sent upstream, on both actions")
  void mistypedFieldRefused(String name, String param, JsonObject body) {
    for (String action : List.of("generateContent", "streamGenerateContent")) {
      HttpResponse<Buffer> response = call(action, body);

      assertThat(response.statusCode()).as(action).isEqualTo(400);
      JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
      assertThat(error.getInteger("code")).isEqualTo(400);
      assertThat(error.getString("status")).isEqualTo("INVALID_ARGUMENT");
      assertThat(error.getString("message")).contains("`" + param + "`");
    }
    assertThat(upstream.requests()).isEmpty();
  }

  @Test
  @DisplayName("The well-typed request the cases start from is served")
  void wellTypedServed() {
    assertThat(call("generateContent", request()).statusCode()).isEqualTo(200);
  }
}
