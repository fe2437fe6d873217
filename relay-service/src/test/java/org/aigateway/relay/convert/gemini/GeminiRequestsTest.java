package org.aigateway.relay.convert.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.aigateway.relay.convert.ConvertFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GeminiRequestsTest {

  static Stream<String> cases() {
    return ConvertFixtures.cases("gemini/requests");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Each recorded request converts to the other protocol as recorded, in every direction the case names")
  void convertsRecordedRequests(String path) {
    JsonObject fixture = ConvertFixtures.json(path);
    String direction = fixture.getString("direction");
    if (!"to_openai".equals(direction)) {
      assertThat(GeminiRequests.fromOpenAi(fixture.getJsonObject("openai"))).isEqualTo(fixture.getJsonObject("gemini"));
    }
    if (!"to_gemini".equals(direction)) {
      JsonObject converted = GeminiRequests.toOpenAi(fixture.getJsonObject("gemini"), fixture.getString("model"), false);
      assertThat(ConvertFixtures.normalise(converted)).isEqualTo(fixture.getJsonObject("openai"));
    }
  }

  @Test
  @DisplayName("Gemini's upper-case schema types and nullable flags reach OpenAI as JSON Schema (tools and response schema)")
  void geminiSchemasBecomeJsonSchema() {
    JsonObject openApi = new JsonObject().put("type", "OBJECT").put("properties", new JsonObject()
        .put("city", new JsonObject().put("type", "STRING"))
        .put("type", new JsonObject().put("type", "STRING").put("nullable", true))
        .put("days", new JsonObject().put("type", "ARRAY").put("items", new JsonObject().put("type", "INTEGER"))))
        .put("required", new JsonArray().add("city"));
    JsonObject gemini = new JsonObject()
        .put("contents", new JsonArray().add(new JsonObject().put("role", "user")
            .put("parts", new JsonArray().add(new JsonObject().put("text", "Forecast?")))))
        .put("tools", new JsonArray().add(new JsonObject().put("functionDeclarations", new JsonArray()
            .add(new JsonObject().put("name", "forecast").put("parameters", openApi)))))
        .put("generationConfig", new JsonObject().put("responseMimeType", "application/json")
            .put("responseSchema", openApi));

    JsonObject chat = GeminiRequests.toOpenAi(gemini, "gpt-4o", false);

    JsonObject expected = new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("city", new JsonObject().put("type", "string"))
        .put("type", new JsonObject().put("type", new JsonArray().add("string").add("null")))
        .put("days", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "integer"))))
        .put("required", new JsonArray().add("city"));
    assertThat(chat.getJsonArray("tools").getJsonObject(0).getJsonObject("function").getJsonObject("parameters"))
        .isEqualTo(expected);
    assertThat(chat.getJsonObject("response_format").getJsonObject("json_schema").getJsonObject("schema"))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("An OpenAI type list with null becomes one Gemini type with nullable, as Gemini's schema has a single type")
  void nullableTypeListsBecomeNullable() {
    JsonObject parameters = new JsonObject().put("type", "object").put("properties", new JsonObject()
        .put("unit", new JsonObject().put("type", new JsonArray().add("string").add("null"))));
    JsonObject chat = new JsonObject()
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "Weather?")))
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function").put("function",
            new JsonObject().put("name", "weather").put("parameters", parameters))));

    JsonObject gemini = GeminiRequests.fromOpenAi(chat);

    JsonObject unit = gemini.getJsonArray("tools").getJsonObject(0).getJsonArray("functionDeclarations")
        .getJsonObject(0).getJsonObject("parameters").getJsonObject("properties").getJsonObject("unit");
    assertThat(unit).isEqualTo(new JsonObject().put("type", "string").put("nullable", true));
  }

  @Test
  @DisplayName("OpenAI input_audio is Gemini inline audio, and Gemini's wav/mp3 inline audio is input_audio again")
  void audioBothWays() {
    JsonObject chat = new JsonObject().put("messages", new JsonArray().add(new JsonObject().put("role", "user")
        .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", "Transcribe this"))
            .add(new JsonObject().put("type", "input_audio")
                .put("input_audio", new JsonObject().put("data", "UklGRg==").put("format", "wav"))))));

    JsonObject gemini = GeminiRequests.fromOpenAi(chat);
    JsonArray parts = gemini.getJsonArray("contents").getJsonObject(0).getJsonArray("parts");
    JsonArray back = GeminiRequests.toOpenAi(gemini, "gpt-4o-audio-preview", false).getJsonArray("messages")
        .getJsonObject(0).getJsonArray("content");

    assertThat(parts.getJsonObject(1)).isEqualTo(new JsonObject().put("inlineData",
        new JsonObject().put("mimeType", "audio/wav").put("data", "UklGRg==")));
    assertThat(back).isEqualTo(chat.getJsonArray("messages").getJsonObject(0).getJsonArray("content"));
  }

  @Test
  @DisplayName("A function response gets the made-up id of the call it answers")
  void matchesFunctionResponsesToCalls() {
    JsonObject gemini = ConvertFixtures.json("gemini/requests/native-snake-case.json").getJsonObject("gemini");

    JsonArray messages = GeminiRequests.toOpenAi(gemini, "m", false).getJsonArray("messages");

    String callId = messages.getJsonObject(2).getJsonArray("tool_calls").getJsonObject(0).getString("id");
    assertThat(callId).matches("call_[0-9a-f]{24}");
    assertThat(messages.getJsonObject(3).getString("tool_call_id")).isEqualTo(callId);
  }

  @Test
  @DisplayName("OpenAI -> Gemini -> OpenAI keeps text, tool calls (names and arguments) and tool results")
  void roundTrip() {
    JsonObject openAi = ConvertFixtures.json("gemini/requests/chat-full.json").getJsonObject("openai");

    JsonObject back = GeminiRequests.toOpenAi(GeminiRequests.fromOpenAi(openAi), "gemini-2.5-flash", true);

    JsonArray messages = back.getJsonArray("messages");
    assertThat(messages.getJsonObject(0)).isEqualTo(openAi.getJsonArray("messages").getJsonObject(0));
    assertThat(messages.getJsonObject(1)).isEqualTo(openAi.getJsonArray("messages").getJsonObject(1));
    JsonArray calls = messages.getJsonObject(2).getJsonArray("tool_calls");
    assertThat(calls.getJsonObject(0).getJsonObject("function"))
        .isEqualTo(new JsonObject().put("name", "get_weather").put("arguments", "{\"city\":\"Paris\"}"));
    assertThat(messages.getJsonObject(3).getString("content")).isEqualTo("{\"temperature\":18,\"sky\":\"cloudy\"}");
    assertThat(messages.getJsonObject(4).getString("content")).isEqualTo("12:00");
    assertThat(messages.getJsonObject(4).getString("tool_call_id")).isEqualTo(calls.getJsonObject(1).getString("id"));
    assertThat(back.getString("reasoning_effort")).isEqualTo("high");
    assertThat(back.getJsonObject("stream_options")).isEqualTo(new JsonObject().put("include_usage", true));
  }

  @ParameterizedTest(name = "thinkingConfig {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"thinkingBudget\":0}|",
      "{\"thinkingBudget\":1024}|minimal",
      "{\"thinkingBudget\":2048,\"includeThoughts\":true}|low",
      "{\"thinkingBudget\":-1}|medium",
      "{\"thinkingBudget\":30000}|xhigh",
      "{\"includeThoughts\":true}|medium",
      "{\"thinkingLevel\":\"high\",\"thinkingBudget\":100}|high"})
  @DisplayName("Gemini thinking settings map to an OpenAI reasoning effort (none sets nothing)")
  void mapsThinking(String thinking, String effort) {
    JsonObject request = new JsonObject().put("contents", new JsonArray())
        .put("generationConfig", new JsonObject().put("thinkingConfig", new JsonObject(thinking)));

    assertThat(GeminiRequests.toOpenAi(request, "m", false).getString("reasoning_effort")).isEqualTo(effort);
  }

  @ParameterizedTest(name = "tool_choice {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "\"auto\"|{\"mode\":\"AUTO\"}",
      "\"none\"|{\"mode\":\"NONE\"}",
      "\"required\"|{\"mode\":\"ANY\"}",
      "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}|{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"f\"]}"})
  @DisplayName("Every OpenAI tool_choice maps to a Gemini function calling mode and back")
  void mapsToolChoice(String openAiChoice, String config) {
    Object choice = openAiChoice.startsWith("{") ? new JsonObject(openAiChoice) : openAiChoice.replace("\"", "");
    JsonObject chat = new JsonObject().put("messages", new JsonArray()).put("tool_choice", choice)
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function")
            .put("function", new JsonObject().put("name", "f"))));

    JsonObject gemini = GeminiRequests.fromOpenAi(chat);

    assertThat(gemini.getJsonObject("toolConfig").getJsonObject("functionCallingConfig")).isEqualTo(new JsonObject(config));
    assertThat(GeminiRequests.toOpenAi(gemini, "m", false).getValue("tool_choice")).isEqualTo(choice);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"system_instruction,systemInstruction", "max_output_tokens,maxOutputTokens", "inline_data,inlineData",
      "camelCase,camelCase", "_private,private"})
  @DisplayName("REST snake_case field names become camelCase")
  void camelCase(String snake, String camel) {
    assertThat(GeminiKeys.camel(snake)).isEqualTo(camel);
  }
}
