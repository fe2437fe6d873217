package org.aigateway.relay.convert.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.convert.Usages;
import org.aigateway.relay.convert.ConvertFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnthropicResponsesTest {

  static Stream<String> cases() {
    return ConvertFixtures.cases("anthropic/responses");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Each recorded response converts to the other protocol as recorded, in every direction the case names")
  void convertsRecordedResponses(String path) {
    JsonObject fixture = ConvertFixtures.json(path);
    String model = fixture.getString("model");
    if (!"to_anthropic".equals(fixture.getString("direction"))) {
      assertThat(ConvertFixtures.normalise(AnthropicResponses.toOpenAi(fixture.getJsonObject("anthropic"), model)))
          .isEqualTo(fixture.getJsonObject("openai"));
    }
    if (!"to_openai".equals(fixture.getString("direction"))) {
      assertThat(AnthropicResponses.fromOpenAi(fixture.getJsonObject("openai"), model))
          .isEqualTo(fixture.getJsonObject("anthropic"));
    }
  }

  @Test
  @DisplayName("Anthropic usage is normalised: input = input + cache read + cache creation, and written back split")
  void normalisesUsage() {
    JsonObject anthropic = new JsonObject().put("input_tokens", 3).put("cache_read_input_tokens", 2000)
        .put("cache_creation_input_tokens", 500).put("output_tokens", 40);

    Usage usage = AnthropicUsage.parse(anthropic);

    assertThat(usage).isEqualTo(Usages.of(2503, 40, 2000, 500, 0, 2543));
    assertThat(AnthropicUsage.toJson(usage)).isEqualTo(anthropic);
  }

  @Test
  @DisplayName("Anthropic web searches (server_tool_use) are counted and written back")
  void countsWebSearches() {
    JsonObject anthropic = new JsonObject().put("input_tokens", 10).put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0).put("output_tokens", 5)
        .put("server_tool_use", new JsonObject().put("web_search_requests", 3));

    Usage usage = AnthropicUsage.parse(anthropic);

    assertThat(usage.webSearchCount()).isEqualTo(3);
    assertThat(AnthropicUsage.toJson(usage)).isEqualTo(anthropic);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"end_turn,stop", "stop_sequence,stop", "max_tokens,length", "tool_use,tool_calls",
      "refusal,content_filter", "pause_turn,stop"})
  @DisplayName("Anthropic stop reasons map to OpenAI finish reasons")
  void mapsStopReasons(String stopReason, String finishReason) {
    assertThat(StopReasons.toOpenAi(stopReason)).isEqualTo(finishReason);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"stop,end_turn", "length,max_tokens", "tool_calls,tool_use", "function_call,tool_use",
      "content_filter,refusal"})
  @DisplayName("OpenAI finish reasons map to Anthropic stop reasons")
  void mapsFinishReasons(String finishReason, String stopReason) {
    assertThat(StopReasons.fromOpenAi(finishReason)).isEqualTo(stopReason);
  }
}
