package org.aigateway.relay.convert.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.ConvertFixtures;
import org.aigateway.relay.convert.ProtocolError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicErrorsTest {

  @ParameterizedTest(name = "{0}: status {1} -> OpenAI type {2}")
  @CsvSource({"overloaded,529,overloaded_error,Overloaded",
      "invalid-request,400,invalid_request_error,max_tokens: Field required"})
  @DisplayName("A recorded Anthropic error body becomes an OpenAI error body with the same status, type and message")
  void anthropicToOpenAi(String name, int status, String type, String message) {
    ProtocolError error = AnthropicErrors.parse(status, ConvertFixtures.json("anthropic/errors/" + name + ".json"));

    assertThat(error.status()).isEqualTo(status);
    assertThat(error.toOpenAi()).isEqualTo(new JsonObject().put("error", new JsonObject()
        .put("message", message).put("type", type).putNull("param").putNull("code")));
  }

  @ParameterizedTest(name = "status {0} -> {1}")
  @CsvSource({"400,invalid_request_error", "401,authentication_error", "403,permission_error", "404,not_found_error",
      "413,request_too_large", "422,invalid_request_error", "429,rate_limit_error", "500,api_error",
      "502,api_error", "503,overloaded_error", "504,timeout_error", "529,overloaded_error"})
  @DisplayName("An OpenAI error becomes Anthropic's shape with the type Anthropic uses for its status")
  void openAiToAnthropic(int status, String anthropicType) {
    JsonObject openAi = new JsonObject().put("error", new JsonObject().put("message", "boom")
        .put("type", "some_openai_type").put("code", "x"));

    JsonObject body = AnthropicErrors.toJson(ProtocolError.fromOpenAi(status, openAi));

    assertThat(body).isEqualTo(new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", anthropicType).put("message", "boom")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"invalid_request_error,400", "authentication_error,401", "permission_error,403", "not_found_error,404",
      "request_too_large,413", "rate_limit_error,429", "api_error,500", "overloaded_error,529", "mystery,500"})
  @DisplayName("An in-band error event gets the HTTP status its Anthropic type stands for")
  void inBandStatus(String type, int status) {
    JsonObject event = new JsonObject().put("type", "error")
        .put("error", new JsonObject().put("type", type).put("message", "m"));

    assertThat(AnthropicErrors.fromEvent(event).status()).isEqualTo(status);
  }

  @Test
  @DisplayName("A non-Anthropic error body keeps the status and gets a type and message from it")
  void foreignBody() {
    ProtocolError error = AnthropicErrors.parse(502, new JsonObject().put("detail", "bad gateway"));

    assertThat(error).isEqualTo(new ProtocolError(502, "api_error", null, null, "The upstream answered with status 502."));
  }
}
