package org.aigateway.relay.convert.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Usages;
import org.aigateway.relay.convert.ConvertFixtures;
import org.aigateway.relay.convert.ProtocolError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicStreamsTest {

  @ParameterizedTest(name = "{0} as {1}, include_usage={2}")
  @CsvSource({"thinking-text,claude-sonnet-4-5,true", "tool-use,claude-opus-4-1,false"})
  @DisplayName("A recorded Anthropic stream, fed event by event, becomes the recorded OpenAI chunks ending in [DONE]")
  void anthropicToOpenAi(String name, String model, boolean includeUsage) {
    AnthropicToOpenAiStream translator = new AnthropicToOpenAiStream(model, includeUsage);

    Buffer out = ConvertFixtures.feed(translator, ConvertFixtures.text("anthropic/streams/" + name + ".sse"));

    assertThat(ConvertFixtures.events(out))
        .isEqualTo(new JsonArray(ConvertFixtures.text("anthropic/streams/" + name + ".openai.json")));
    assertThat(translator.completed()).isTrue();
    assertThat(translator.error()).isNull();
  }

  @Test
  @DisplayName("A tool call streamed without input reaches OpenAI clients with \"{}\" as arguments, which parse as JSON")
  void toolCallWithoutInput() {
    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(new AnthropicToOpenAiStream(null, false),
        ConvertFixtures.text("anthropic/streams/tool-use-no-input.sse")));

    JsonObject call = ConvertFixtures.chatSummary(events).getJsonObject("tools").getJsonObject("0");
    assertThat(call).isEqualTo(new JsonObject().put("arguments", "{}").put("name", "get_time")
        .put("id", "toolu_01NoInputCall"));
  }

  @Test
  @DisplayName("The usage of message_start and message_delta merge: cached and cache-creation tokens count as input")
  void mergesStreamUsage() {
    AnthropicToOpenAiStream translator = new AnthropicToOpenAiStream(null, false);

    ConvertFixtures.feed(translator, ConvertFixtures.text("anthropic/streams/thinking-text.sse"));

    assertThat(translator.usage()).isEqualTo(Usages.of(2035, 64, 2000, 10, 0, 2099));
    assertThat(translator.upstreamId()).isEqualTo("msg_01Vh3bkpGzCDw2GRsbZkTQHw");
    assertThat(translator.text().toString()).contains("453 = 400 + 50 + 3").endsWith("27 * 453 = 12,231");
  }

  @Test
  @DisplayName("Web searches reported in message_delta are part of the stream's usage")
  void streamWebSearches() {
    AnthropicToOpenAiStream translator = new AnthropicToOpenAiStream(null, false);

    ConvertFixtures.feed(translator, ConvertFixtures.text("anthropic/streams/tool-use.sse"));

    assertThat(translator.usage()).isEqualTo(Usages.of(472, 89, 0, 0, 0, 561, new Usages.Media(0, 0, 0, 1)));
  }

  @Test
  @DisplayName("An in-band overloaded error becomes an OpenAI error event, ends the stream without [DONE] and reports 529")
  void inBandError() {
    AnthropicToOpenAiStream translator = new AnthropicToOpenAiStream("claude-sonnet-4-5", true);

    Buffer out = ConvertFixtures.feed(translator, ConvertFixtures.text("anthropic/streams/overloaded.sse"));

    assertThat(ConvertFixtures.events(out))
        .isEqualTo(new JsonArray(ConvertFixtures.text("anthropic/streams/overloaded.openai.json")));
    assertThat(translator.completed()).isFalse();
    assertThat(translator.error()).isEqualTo(new ProtocolError(529, "overloaded_error", null, null, "Overloaded"));
  }

  @Test
  @DisplayName("A stream cut before message_stop is not completed, gets no [DONE], and keeps the usage seen")
  void truncatedStream() {
    String sse = ConvertFixtures.text("anthropic/streams/tool-use.sse");
    String cut = sse.substring(0, sse.indexOf("event: message_delta"));
    AnthropicToOpenAiStream translator = new AnthropicToOpenAiStream(null, true);

    Buffer out = ConvertFixtures.feed(translator, cut);

    assertThat(translator.completed()).isFalse();
    assertThat(out.toString()).doesNotContain("[DONE]");
    assertThat(translator.usage().inputTokens()).isEqualTo(472);
    assertThat(ConvertFixtures.events(translator.failure(new ProtocolError(502, "upstream_error", null, null, "cut"))))
        .isEqualTo(new JsonArray().add(new JsonObject().put("data", new JsonObject().put("error", new JsonObject()
            .put("message", "cut").put("type", "upstream_error").putNull("param").putNull("code")))));
  }

  @Test
  @DisplayName("A recorded OpenAI stream with reasoning, text and two tool calls becomes ordered Anthropic blocks")
  void openAiToAnthropic() {
    OpenAiToAnthropicStream translator = new OpenAiToAnthropicStream("claude-sonnet-4-5", 42);

    Buffer out = ConvertFixtures.feed(translator, ConvertFixtures.text("openai/reasoning-text-tools.sse"));

    assertThat(ConvertFixtures.events(out))
        .isEqualTo(new JsonArray(ConvertFixtures.text("openai/reasoning-text-tools.anthropic.json")));
    assertThat(translator.completed()).isTrue();
    assertThat(translator.usage()).isEqualTo(Usages.of(1200, 80, 1024, 0, 30, 1280));
  }

  @Test
  @DisplayName("An OpenAI in-band error becomes an Anthropic error event with the type its status implies")
  void openAiErrorToAnthropic() {
    OpenAiToAnthropicStream translator = new OpenAiToAnthropicStream(null, 0);

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(translator, ConvertFixtures.text("openai/in-band-error.sse")));

    assertThat(events.getJsonObject(events.size() - 1)).isEqualTo(new JsonObject().put("event", "error")
        .put("data", new JsonObject().put("type", "error").put("error", new JsonObject()
            .put("type", "rate_limit_error").put("message", "Rate limit reached for gpt-4o"))));
    assertThat(translator.completed()).isFalse();
    assertThat(translator.error().status()).isEqualTo(429);
  }

  @Test
  @DisplayName("OpenAI -> Anthropic -> OpenAI streaming keeps the reasoning, text, tool calls and finish reason")
  void streamRoundTrip() {
    OpenAiToAnthropicStream toAnthropic = new OpenAiToAnthropicStream(null, 0);
    AnthropicToOpenAiStream back = new AnthropicToOpenAiStream(null, true);
    String original = ConvertFixtures.text("openai/reasoning-text-tools.sse");

    Buffer anthropic = ConvertFixtures.feed(toAnthropic, original);
    String events = anthropic.toString();
    Buffer openAi = ConvertFixtures.feed(back, events);

    assertThat(back.completed()).isTrue();
    assertThat(ConvertFixtures.chatSummary(ConvertFixtures.events(openAi))).isEqualTo(ConvertFixtures.chatSummary(
        ConvertFixtures.events(Buffer.buffer(original))));
    assertThat(back.usage()).isEqualTo(Usages.of(1200, 80, 1024, 0, 0, 1280));
  }
}
