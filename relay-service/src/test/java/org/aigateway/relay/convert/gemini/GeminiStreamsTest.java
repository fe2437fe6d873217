package org.aigateway.relay.convert.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.relay.convert.Usages;
import org.aigateway.relay.convert.ConvertFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiStreamsTest {

  @ParameterizedTest(name = "{0} as {1}, include_usage={2}")
  @CsvSource(value = {"thinking-text,gemini-flash,true", "function-call,,false"})
  @DisplayName("A recorded Gemini SSE stream becomes the recorded OpenAI chunks, completed by the finish reason")
  void geminiToOpenAi(String name, String model, boolean includeUsage) {
    GeminiToOpenAiStream translator = new GeminiToOpenAiStream(model, includeUsage);

    Buffer out = ConvertFixtures.feed(translator, ConvertFixtures.text("gemini/streams/" + name + ".sse"));

    assertThat(ConvertFixtures.events(out))
        .isEqualTo(new JsonArray(ConvertFixtures.text("gemini/streams/" + name + ".openai.json")));
    assertThat(translator.completed()).isTrue();
  }

  @Test
  @DisplayName("Cumulative usage metadata: the last counts win, thoughts in output and reasoning, cached kept")
  void streamUsage() {
    GeminiToOpenAiStream translator = new GeminiToOpenAiStream(null, false);

    ConvertFixtures.feed(translator, ConvertFixtures.text("gemini/streams/thinking-text.sse"));

    assertThat(translator.usage()).isEqualTo(Usages.of(9, 58, 4, 0, 51, 67));
    assertThat(translator.upstreamId()).isEqualTo("rOvxaKqQFoWvz7IP9uOk0Ag");
  }

  @Test
  @DisplayName("A Gemini stream that ends without a finish reason is not completed and gets no [DONE]")
  void noFinishReason() {
    String sse = ConvertFixtures.text("gemini/streams/thinking-text.sse");
    GeminiToOpenAiStream translator = new GeminiToOpenAiStream(null, true);

    Buffer out = ConvertFixtures.feed(translator, sse.substring(0, sse.lastIndexOf("data:")));

    assertThat(translator.completed()).isFalse();
    assertThat(out.toString()).doesNotContain("[DONE]").doesNotContain("finish_reason\":\"stop");
  }

  @Test
  @DisplayName("A Gemini in-band error becomes an OpenAI error event with its status, and the stream ends there")
  void inBandError() {
    GeminiToOpenAiStream translator = new GeminiToOpenAiStream("gemini-2.5-pro", true);

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(translator,
        ConvertFixtures.text("gemini/streams/overloaded.sse")));

    assertThat(events.getJsonObject(events.size() - 1)).isEqualTo(new JsonObject().put("data", new JsonObject()
        .put("error", new JsonObject().put("message", "The model is overloaded. Please try again later.")
            .put("type", "server_error").putNull("param").put("code", "UNAVAILABLE"))));
    assertThat(translator.error().status()).isEqualTo(503);
    assertThat(translator.completed()).isFalse();
  }

  @Test
  @DisplayName("With two candidates streamed in parallel, only candidate 0's text and finish reason reach choice 0")
  void parallelCandidates() {
    GeminiToOpenAiStream translator = new GeminiToOpenAiStream(null, false);

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(translator,
        ConvertFixtures.text("gemini/streams/two-candidates.sse")));

    JsonObject summary = ConvertFixtures.chatSummary(events);
    assertThat(summary.getString("content")).isEqualTo("Roses are red, the sky is too.");
    assertThat(summary.getString("finish_reason")).isEqualTo("stop");
    JsonObject finish = events.getJsonObject(events.size() - 2).getJsonObject("data");
    assertThat(finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("stop");
    assertThat(translator.completed()).isTrue();
  }

  @Test
  @DisplayName("A streamed function call keeps its thought signature, which the next Gemini request sends back")
  void streamedThoughtSignatureRoundTrips() {
    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(new GeminiToOpenAiStream(null, false),
        ConvertFixtures.text("gemini/streams/function-call.sse")));
    JsonObject call = events.getJsonObject(2).getJsonObject("data").getJsonArray("choices").getJsonObject(0)
        .getJsonObject("delta").getJsonArray("tool_calls").getJsonObject(0);
    JsonObject chat = new JsonObject().put("messages", new JsonArray()
        .add(new JsonObject().put("role", "user").put("content", "Weather in Paris?"))
        .add(new JsonObject().put("role", "assistant").putNull("content")
            .put("tool_calls", new JsonArray().add(call.copy().put("id", "call_1"))))
        .add(new JsonObject().put("role", "tool").put("tool_call_id", "call_1").put("content", "{\"temp\":21}")));

    JsonObject gemini = GeminiRequests.fromOpenAi(chat);

    JsonObject modelPart = gemini.getJsonArray("contents").getJsonObject(1).getJsonArray("parts").getJsonObject(0);
    assertThat(modelPart.getString("thoughtSignature")).isEqualTo("CiQB0e2K");
  }

  @Test
  @DisplayName("An OpenAI stream becomes Gemini events: thoughts and text as they come, tool calls whole at the end with usage")
  void openAiToGemini() {
    OpenAiToGeminiStream translator = new OpenAiToGeminiStream("gemini-proxy");

    Buffer out = ConvertFixtures.feed(translator, ConvertFixtures.text("openai/reasoning-text-tools.sse"));

    assertThat(ConvertFixtures.events(out))
        .isEqualTo(new JsonArray(ConvertFixtures.text("openai/reasoning-text-tools.gemini.json")));
    assertThat(translator.completed()).isTrue();
  }

  @Test
  @DisplayName("An OpenAI in-band error becomes a Gemini error event")
  void openAiErrorToGemini() {
    OpenAiToGeminiStream translator = new OpenAiToGeminiStream(null);

    JsonArray events = ConvertFixtures.events(ConvertFixtures.feed(translator, ConvertFixtures.text("openai/in-band-error.sse")));

    assertThat(events.getJsonObject(events.size() - 1)).isEqualTo(new JsonObject().put("data", new JsonObject()
        .put("error", new JsonObject().put("code", 429).put("message", "Rate limit reached for gpt-4o")
            .put("status", "RESOURCE_EXHAUSTED"))));
    assertThat(translator.completed()).isFalse();
  }

  @Test
  @DisplayName("OpenAI -> Gemini -> OpenAI streaming keeps reasoning, text, tool calls and the finish reason")
  void streamRoundTrip() {
    String original = ConvertFixtures.text("openai/reasoning-text-tools.sse");
    Buffer gemini = ConvertFixtures.feed(new OpenAiToGeminiStream(null), original);
    GeminiToOpenAiStream back = new GeminiToOpenAiStream(null, true);

    Buffer openAi = ConvertFixtures.feed(back, gemini.toString());

    JsonObject expected = ConvertFixtures.chatSummary(
        ConvertFixtures.events(Buffer.buffer(original)));
    JsonObject actual = ConvertFixtures.chatSummary(ConvertFixtures.events(openAi));
    assertThat(actual.getString("reasoning")).isEqualTo(expected.getString("reasoning"));
    assertThat(actual.getString("content")).isEqualTo(expected.getString("content"));
    assertThat(actual.getString("finish_reason")).isEqualTo("tool_calls");
    assertThat(actual.getJsonObject("tools").getJsonObject("0").getString("arguments")).isEqualTo("{\"city\":\"Paris\"}");
    assertThat(actual.getJsonObject("tools").getJsonObject("1").getString("name")).isEqualTo("get_time");
    assertThat(back.usage()).isEqualTo(Usages.of(1200, 80, 1024, 0, 30, 1280));
  }
}
