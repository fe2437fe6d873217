package org.aigateway.relay.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.anthropic.AnthropicToOpenAiStream;
import org.aigateway.relay.convert.anthropic.OpenAiToAnthropicStream;
import org.aigateway.relay.convert.gemini.GeminiToOpenAiStream;
import org.aigateway.relay.convert.gemini.OpenAiToGeminiStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamChainTest {

  @Test
  @DisplayName("An Anthropic stream reaches a Gemini client through OpenAI: text, whole function calls, finish and usage")
  void anthropicToGemini() {
    StreamChain chain = new StreamChain(new AnthropicToOpenAiStream(null, true), new OpenAiToGeminiStream("gemini-x"));

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(chain,
        ConvertFixtures.text("anthropic/streams/tool-use.sse")));

    JsonObject last = events.getJsonObject(events.size() - 1).getJsonObject("data");
    JsonObject candidate = last.getJsonArray("candidates").getJsonObject(0);
    assertThat(candidate.getString("finishReason")).isEqualTo("STOP");
    assertThat(candidate.getJsonObject("content").getJsonArray("parts").getJsonObject(0))
        .isEqualTo(new JsonObject().put("functionCall", new JsonObject().put("name", "get_weather")
            .put("args", new JsonObject().put("location", "San Francisco, CA").put("unit", "fahrenheit"))));
    assertThat(last.getJsonObject("usageMetadata").getLong("promptTokenCount")).isEqualTo(472);
    assertThat(chain.completed()).isTrue();
    assertThat(chain.usage().outputTokens()).isEqualTo(89);
  }

  @Test
  @DisplayName("A Gemini stream reaches an Anthropic client through OpenAI as a thinking block then a text block")
  void geminiToAnthropic() {
    StreamChain chain = new StreamChain(new GeminiToOpenAiStream(null, true), new OpenAiToAnthropicStream("claude-x", 0));

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(chain,
        ConvertFixtures.text("gemini/streams/thinking-text.sse")));

    assertThat(events.stream().map(e -> ((JsonObject) e).getString("event")).toList()).containsExactly(
        "message_start", "content_block_start", "content_block_delta", "content_block_stop",
        "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
        "message_delta", "message_stop");
    assertThat(events.getJsonObject(8).getJsonObject("data").getJsonObject("usage").getLong("output_tokens"))
        .isEqualTo(58);
    assertThat(chain.completed()).isTrue();
  }

  @Test
  @DisplayName("A chained stream cut short is not completed and its failure event is in the client's protocol")
  void truncated() {
    String sse = ConvertFixtures.text("gemini/streams/thinking-text.sse");
    StreamChain chain = new StreamChain(new GeminiToOpenAiStream(null, true), new OpenAiToAnthropicStream(null, 0));

    ConvertFixtures.feed(chain, sse.substring(0, sse.lastIndexOf("data:")));

    assertThat(chain.completed()).isFalse();
    assertThat(chain.failure(new ProtocolError(502, "upstream_error", null, null, "cut")).toString())
        .startsWith("event: error\n");
  }

  @Test
  @DisplayName("An Anthropic overloaded error mid-stream reaches a Gemini client with its status, not as a 500")
  void inBandErrorKeepsItsStatus() {
    StreamChain chain = new StreamChain(new AnthropicToOpenAiStream(null, true), new OpenAiToGeminiStream(null));

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(chain,
        ConvertFixtures.text("anthropic/streams/overloaded.sse")));

    assertThat(events.getJsonObject(events.size() - 1).getJsonObject("data")).isEqualTo(new JsonObject()
        .put("error", new JsonObject().put("code", 529).put("message", "Overloaded").put("status", "UNAVAILABLE")));
    assertThat(chain.error().status()).isEqualTo(529);
    assertThat(chain.completed()).isFalse();
  }

  @Test
  @DisplayName("A Gemini UNAVAILABLE error mid-stream reaches an Anthropic client as overloaded_error")
  void inBandErrorKeepsItsType() {
    StreamChain chain = new StreamChain(new GeminiToOpenAiStream(null, true), new OpenAiToAnthropicStream(null, 0));

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(chain,
        ConvertFixtures.text("gemini/streams/overloaded.sse")));

    JsonObject last = events.getJsonObject(events.size() - 1);
    assertThat(last.getString("event")).isEqualTo("error");
    assertThat(last.getJsonObject("data").getJsonObject("error").getString("type")).isEqualTo("overloaded_error");
  }
}
