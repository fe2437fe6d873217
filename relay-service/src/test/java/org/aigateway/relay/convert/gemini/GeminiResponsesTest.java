package org.aigateway.relay.convert.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Usages;
import org.aigateway.relay.convert.ConvertFixtures;
import org.aigateway.relay.convert.ProtocolError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GeminiResponsesTest {

  static Stream<String> cases() {
    return ConvertFixtures.cases("gemini/responses");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Each recorded response converts to the other protocol as recorded, in every direction the case names")
  void convertsRecordedResponses(String path) {
    JsonObject fixture = ConvertFixtures.json(path);
    String model = fixture.getString("model");
    if (!"to_gemini".equals(fixture.getString("direction"))) {
      assertThat(ConvertFixtures.normalise(GeminiResponses.toOpenAi(fixture.getJsonObject("gemini"), model)))
          .isEqualTo(fixture.getJsonObject("openai"));
    }
    if (!"to_openai".equals(fixture.getString("direction"))) {
      assertThat(GeminiResponses.fromOpenAi(fixture.getJsonObject("openai"), model))
          .isEqualTo(fixture.getJsonObject("gemini"));
    }
  }

  @Test
  @DisplayName("Gemini usage: input adds tool-use prompt tokens, output adds thoughts, reasoning = thoughts; written back split")
  void normalisesUsage() {
    JsonObject metadata = new JsonObject().put("promptTokenCount", 100).put("toolUsePromptTokenCount", 20)
        .put("candidatesTokenCount", 30).put("thoughtsTokenCount", 70).put("cachedContentTokenCount", 64)
        .put("totalTokenCount", 220);

    Usage usage = GeminiUsage.parse(metadata);

    assertThat(usage).isEqualTo(Usages.of(120, 100, 64, 0, 70, 220));
    assertThat(GeminiUsage.toJson(usage)).isEqualTo(new JsonObject().put("promptTokenCount", 120)
        .put("candidatesTokenCount", 30).put("totalTokenCount", 220).put("thoughtsTokenCount", 70)
        .put("cachedContentTokenCount", 64));
  }

  @Test
  @DisplayName("Gemini per-modality details give the image and audio input and image output tokens")
  void countsModalities() {
    JsonObject metadata = new JsonObject().put("promptTokenCount", 1500).put("candidatesTokenCount", 1300)
        .put("promptTokensDetails", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("modality", "TEXT").put("tokenCount", 200))
            .add(new JsonObject().put("modality", "IMAGE").put("tokenCount", 1032))
            .add(new JsonObject().put("modality", "AUDIO").put("tokenCount", 268)))
        .put("candidatesTokensDetails", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("modality", "IMAGE").put("tokenCount", 1290)));

    Usage usage = GeminiUsage.parse(metadata);

    assertThat(usage.imageInputTokens()).isEqualTo(1032);
    assertThat(usage.audioInputTokens()).isEqualTo(268);
    assertThat(usage.imageOutputTokens()).isEqualTo(1290);
    assertThat(usage.totalTokens()).isEqualTo(2800);
  }

  @ParameterizedTest(name = "{0} (tools {1}) -> {2}")
  @CsvSource({"STOP,false,stop", "STOP,true,tool_calls", "MAX_TOKENS,false,length", "SAFETY,false,content_filter",
      "RECITATION,false,content_filter", "PROHIBITED_CONTENT,false,content_filter", "OTHER,false,stop",
      "MALFORMED_FUNCTION_CALL,false,stop"})
  @DisplayName("Gemini finish reasons map to OpenAI finish reasons")
  void mapsFinishReasons(String gemini, boolean calledTools, String openAi) {
    assertThat(FinishReasons.toOpenAi(gemini, calledTools)).isEqualTo(openAi);
  }

  @ParameterizedTest(name = "{0}: {1} -> OpenAI type {3}")
  @CsvSource({"resource-exhausted,429,RESOURCE_EXHAUSTED,rate_limit_error", "invalid-key-array,400,INVALID_ARGUMENT,invalid_request_error"})
  @DisplayName("A recorded Gemini error (object or array form) becomes an OpenAI error with the Google status as code")
  void geminiErrorToOpenAi(String name, int status, String googleStatus, String type) {
    Object body = ConvertFixtures.text("gemini/errors/" + name + ".json").strip().startsWith("[")
        ? new io.vertx.core.json.JsonArray(ConvertFixtures.text("gemini/errors/" + name + ".json"))
        : ConvertFixtures.json("gemini/errors/" + name + ".json");

    ProtocolError error = GeminiErrors.parse(status, body);

    assertThat(error.toOpenAi().getJsonObject("error").getString("type")).isEqualTo(type);
    assertThat(error.code()).isEqualTo(googleStatus);
    assertThat(error.message()).isNotBlank();
    assertThat(GeminiErrors.toJson(error).getJsonObject("error").getString("status")).isEqualTo(googleStatus);
  }

  @ParameterizedTest(name = "status {0} -> {1}")
  @CsvSource({"400,INVALID_ARGUMENT", "401,UNAUTHENTICATED", "403,PERMISSION_DENIED", "404,NOT_FOUND",
      "413,INVALID_ARGUMENT", "429,RESOURCE_EXHAUSTED", "500,INTERNAL", "502,INTERNAL", "503,UNAVAILABLE",
      "504,DEADLINE_EXCEEDED"})
  @DisplayName("An OpenAI error becomes Gemini's shape with the Google status of its HTTP status")
  void openAiErrorToGemini(int status, String googleStatus) {
    JsonObject openAi = new JsonObject().put("error", new JsonObject().put("message", "nope").put("type", "x"));

    assertThat(GeminiErrors.toJson(ProtocolError.fromOpenAi(status, openAi))).isEqualTo(new JsonObject()
        .put("error", new JsonObject().put("code", status).put("message", "nope").put("status", googleStatus)));
  }
}
