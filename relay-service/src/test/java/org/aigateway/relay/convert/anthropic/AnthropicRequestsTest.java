package org.aigateway.relay.convert.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.aigateway.relay.convert.ChatContent;
import org.aigateway.relay.convert.ConvertFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnthropicRequestsTest {

  static Stream<String> cases() {
    return ConvertFixtures.cases("anthropic/requests");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Each recorded request converts to the other protocol as recorded, in every direction the case names")
  void convertsRecordedRequests(String path) {
    JsonObject fixture = ConvertFixtures.json(path);
    String direction = fixture.getString("direction");
    if (!"to_openai".equals(direction)) {
      assertThat(AnthropicRequests.fromOpenAi(fixture.getJsonObject("openai"), null, 0))
          .isEqualTo(fixture.getJsonObject("anthropic"));
    }
    if (!"to_anthropic".equals(direction)) {
      assertThat(AnthropicRequests.toOpenAi(fixture.getJsonObject("anthropic"), null))
          .isEqualTo(fixture.getJsonObject("openai"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("OpenAI -> Anthropic -> OpenAI keeps the messages, tools and limits of every recorded request")
  void roundTripKeepsMeaning(String path) {
    JsonObject openAi = ConvertFixtures.json(path).getJsonObject("openai");
    JsonObject back = AnthropicRequests.toOpenAi(AnthropicRequests.fromOpenAi(openAi, null, 0), null);

    assertThat(back.getJsonArray("tools")).isEqualTo(openAi.getJsonArray("tools"));
    assertThat(texts(back)).isEqualTo(texts(openAi));
    assertThat(toolCalls(back)).isEqualTo(toolCalls(openAi));
  }

  private static JsonArray texts(JsonObject chat) {
    JsonArray out = new JsonArray();
    chat.getJsonArray("messages").forEach(m -> {
      JsonObject message = (JsonObject) m;
      String role = "developer".equals(message.getString("role")) ? "system" : message.getString("role");
      out.add(role + ":" + ChatContent.text(message.getValue("content")));
    });
    return out;
  }

  private static JsonArray toolCalls(JsonObject chat) {
    JsonArray out = new JsonArray();
    chat.getJsonArray("messages").forEach(m -> {
      JsonObject message = (JsonObject) m;
      message.getJsonArray("tool_calls", new JsonArray()).forEach(c -> {
        JsonObject function = ((JsonObject) c).getJsonObject("function");
        String arguments = function.getString("arguments");
        out.add(function.getString("name") + new JsonObject(arguments.isEmpty() ? "{}" : arguments).encode());
      });
      if (message.getString("tool_call_id") != null) {
        out.add("result:" + message.getString("tool_call_id"));
      }
    });
    return out;
  }

  @ParameterizedTest(name = "tool_choice {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "\"auto\"|{\"type\":\"auto\"}",
      "\"none\"|{\"type\":\"none\"}",
      "\"required\"|{\"type\":\"any\"}",
      "{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}|{\"type\":\"tool\",\"name\":\"lookup\"}"})
  @DisplayName("Every OpenAI tool_choice maps to Anthropic's and back")
  void mapsToolChoice(String openAiChoice, String anthropicChoice) {
    Object choice = openAiChoice.startsWith("{") ? new JsonObject(openAiChoice) : openAiChoice.replace("\"", "");
    JsonObject chat = request().put("tool_choice", choice);

    JsonObject converted = AnthropicRequests.fromOpenAi(chat, null, 0);

    assertThat(converted.getJsonObject("tool_choice")).isEqualTo(new JsonObject(anthropicChoice));
    assertThat(AnthropicRequests.toOpenAi(converted, null).getValue("tool_choice")).isEqualTo(choice);
  }

  private static JsonObject request() {
    return new JsonObject().put("model", "claude-haiku-4-5")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi")))
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function").put("function",
            new JsonObject().put("name", "lookup").put("parameters", new JsonObject().put("type", "object")))));
  }

  @ParameterizedTest(name = "reasoning_effort {0} -> budget {1}, max_tokens {2}")
  @CsvSource({"minimal,1024,2048", "low,2048,2049", "medium,8192,8193", "high,16384,16385", "xhigh,32768,32769",
      "max,32768,32769", "med,8192,8193"})
  @DisplayName("reasoning_effort follows the budget table with max_tokens kept above the budget")
  void mapsReasoningEffort(String effort, int budget, long maxTokens) {
    JsonObject converted = AnthropicRequests.fromOpenAi(request().put("reasoning_effort", effort).put("max_tokens", 100), null, 0);

    assertThat(converted.getJsonObject("thinking"))
        .isEqualTo(new JsonObject().put("type", "enabled").put("budget_tokens", budget));
    assertThat(converted.getLong("max_tokens")).isEqualTo(maxTokens);
  }

  @ParameterizedTest(name = "thinking {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"enabled\",\"budget_tokens\":1024}|minimal",
      "{\"type\":\"enabled\",\"budget_tokens\":4096}|low",
      "{\"type\":\"enabled\",\"budget_tokens\":12288}|medium",
      "{\"type\":\"enabled\",\"budget_tokens\":24576}|high",
      "{\"type\":\"enabled\",\"budget_tokens\":24577}|xhigh",
      "{\"type\":\"enabled\"}|medium",
      "{\"type\":\"adaptive\"}|medium"})
  @DisplayName("Anthropic thinking budgets map back to an effort by range")
  void mapsThinkingBack(String thinking, String effort) {
    JsonObject request = new JsonObject().put("model", "m").put("max_tokens", 30000).put("messages", new JsonArray())
        .put("thinking", new JsonObject(thinking));

    assertThat(AnthropicRequests.toOpenAi(request, null).getString("reasoning_effort")).isEqualTo(effort);
  }

  static Stream<Arguments> noThinking() {
    return Stream.of(
        Arguments.of("effort none", request().put("reasoning_effort", "none")),
        Arguments.of("forced tool", request().put("reasoning_effort", "high").put("tool_choice", "required")),
        Arguments.of("unknown effort", request().put("reasoning_effort", "extreme")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noThinking")
  @DisplayName("Thinking stays off for effort none, unknown efforts and forced tool use")
  void leavesThinkingOff(String name, JsonObject chat) {
    assertThat(AnthropicRequests.fromOpenAi(chat, null, 0).containsKey("thinking")).isFalse();
  }

  @Test
  @DisplayName("max_tokens: the client's wins, then the caller's default, then 4096; the given model replaces the client's")
  void maxTokensAndModel() {
    JsonObject explicit = AnthropicRequests.fromOpenAi(request().put("max_completion_tokens", 77), "claude-x", 9000);
    assertThat(explicit.getLong("max_tokens")).isEqualTo(77);
    assertThat(explicit.getString("model")).isEqualTo("claude-x");
    assertThat(AnthropicRequests.fromOpenAi(request(), null, 9000).getLong("max_tokens")).isEqualTo(9000);
    assertThat(AnthropicRequests.fromOpenAi(request(), null, 0).getLong("max_tokens"))
        .isEqualTo(AnthropicRequests.DEFAULT_MAX_TOKENS);
  }

  @Test
  @DisplayName("A data URL typed image/jpg (or in upper case), which OpenAI accepts, reaches Anthropic as image/jpeg")
  void jpgDataUrlsBecomeJpeg() {
    JsonArray content = new JsonArray().add(ChatContent.textPart("What is this?"))
        .add(ChatContent.imagePart("data:image/jpg;base64,/9j/4AAQ"))
        .add(ChatContent.imagePart("data:IMAGE/PNG;base64,iVBORw0K"));
    JsonObject chat = new JsonObject().put("model", "claude-sonnet-4-5")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", content)));

    JsonArray blocks = AnthropicRequests.fromOpenAi(chat, null, 0).getJsonArray("messages").getJsonObject(0)
        .getJsonArray("content");

    assertThat(blocks.getJsonObject(1).getJsonObject("source").getString("media_type")).isEqualTo("image/jpeg");
    assertThat(blocks.getJsonObject(2).getJsonObject("source").getString("media_type")).isEqualTo("image/png");
  }

  @Test
  @DisplayName("A function whose parameters are {} (OpenAI's form for no arguments) gets an object input_schema, which Anthropic requires")
  void emptyParametersBecomeAnObjectSchema() {
    JsonObject chat = new JsonObject().put("model", "claude-sonnet-4-5")
        .put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", "What time is it?")))
        .put("tools", new JsonArray().add(new JsonObject().put("type", "function").put("function",
            new JsonObject().put("name", "now").put("parameters", new JsonObject()))));

    JsonObject tool = AnthropicRequests.fromOpenAi(chat, null, 0).getJsonArray("tools").getJsonObject(0);

    assertThat(tool).isEqualTo(new JsonObject().put("name", "now")
        .put("input_schema", new JsonObject().put("type", "object")));
  }
}
