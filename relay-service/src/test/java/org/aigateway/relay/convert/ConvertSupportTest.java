package org.aigateway.relay.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvertSupportTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(value = {"none,none", "OFF,none", "disabled,none", "minimal,minimal", "low,low", "med,medium",
      "Medium,medium", "high,high", "xhigh,xhigh", "max,xhigh", "maximum,xhigh", "extreme,NULL"}, nullValues = "NULL")
  @DisplayName("Reasoning efforts are normalised, aliases included; unknown ones are null")
  void normalisesEfforts(String value, String effort) {
    assertThat(Reasoning.effort(value)).isEqualTo(effort);
  }

  @ParameterizedTest(name = "budget {0} -> {1}")
  @CsvSource({"-1,none", "0,none", "1,minimal", "1024,minimal", "1025,low", "4096,low", "4097,medium", "12288,medium",
      "12289,high", "24576,high", "24577,xhigh"})
  @DisplayName("Token budgets map back to an effort by the reference's ranges")
  void budgetRanges(long budget, String effort) {
    assertThat(Reasoning.effortForBudget(budget)).isEqualTo(effort);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "data:image/png;base64,AAAA|image/png|AAAA",
      "data:image/jpeg;name=cat.jpg;base64,/9j/|image/jpeg|/9j/",
      "data:application/pdf;base64,JVBERi0=|application/pdf|JVBERi0="})
  @DisplayName("Base64 data URLs split into media type and data")
  void parsesDataUrls(String url, String mediaType, String data) {
    assertThat(DataUrls.parse(url)).isEqualTo(new DataUrls.Inline(mediaType, data));
  }

  @Test
  @DisplayName("URLs that are not base64 data URLs are not inline data")
  void rejectsOtherUrls() {
    assertThat(DataUrls.parse("https://example.com/a.png")).isNull();
    assertThat(DataUrls.parse("data:text/plain,hello")).isNull();
    assertThat(DataUrls.parse(null)).isNull();
  }

  @Test
  @DisplayName("Stream usage merges field by field: later non-zero counts win and the total is recomputed")
  void mergesUsage() {
    Usage start = Usages.of(1035, 1, 1000, 10, 0, 0);
    Usage delta = Usages.of(0, 64, 0, 0, 0, 0);

    assertThat(Usages.merge(start, delta)).isEqualTo(Usages.of(1035, 64, 1000, 10, 0, 1099));
    assertThat(Usages.merge(null, delta)).isSameAs(delta);
  }

  @Test
  @DisplayName("OpenAI usage JSON reads and writes cached, cache-creation and reasoning tokens")
  void openAiUsageJson() {
    JsonObject json = new JsonObject().put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", 60).put("cache_creation_tokens", 20))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 30));

    Usage usage = ChatUsageJson.parse(json);

    assertThat(usage).isEqualTo(Usages.of(100, 50, 60, 20, 30, 150));
    assertThat(ChatUsageJson.toJson(usage)).isEqualTo(json);
  }

  @Test
  @DisplayName("OpenAI image and audio token details are read and written back")
  void openAiMediaUsage() {
    JsonObject json = new JsonObject().put("prompt_tokens", 900).put("completion_tokens", 1200).put("total_tokens", 2100)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", 0).put("image_tokens", 500).put("audio_tokens", 100))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 0).put("image_tokens", 1000));

    Usage usage = ChatUsageJson.parse(json);

    assertThat(usage.imageInputTokens()).isEqualTo(500);
    assertThat(usage.audioInputTokens()).isEqualTo(100);
    assertThat(usage.imageOutputTokens()).isEqualTo(1000);
    assertThat(ChatUsageJson.toJson(usage)).isEqualTo(json);
  }

  @Test
  @DisplayName("Merging stream usage keeps media counts and web searches")
  void mergeKeepsMedia() {
    Usage start = Usages.of(10, 0, 0, 0, 0, 0, new Usages.Media(4, 0, 0, 0));
    Usage end = Usages.of(0, 7, 0, 0, 0, 0, new Usages.Media(0, 0, 2, 1));

    Usage merged = Usages.merge(start, end);

    assertThat(merged).isEqualTo(Usages.of(10, 7, 0, 0, 0, 17, new Usages.Media(4, 0, 2, 1)));
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource(value = {"requests,rate_limit_exceeded,429", "invalid_request_error,NULL,400", "server_error,NULL,500",
      "NULL,NULL,500"}, nullValues = "NULL")
  @DisplayName("An OpenAI in-band error gets a status from its type or code")
  void inBandOpenAiStatus(String type, String code, int status) {
    JsonObject event = new JsonObject().put("error", new JsonObject().put("message", "m").put("type", type).put("code", code));

    assertThat(ProtocolError.fromOpenAiEvent(event).status()).isEqualTo(status);
  }

  @Test
  @DisplayName("SSE events are written as data lines, with an event line for named events, and [DONE]")
  void writesSse() {
    JsonObject json = new JsonObject().put("a", 1);

    assertThat(Sse.data(json).toString()).isEqualTo("data: {\"a\":1}\n\n");
    assertThat(Sse.event("ping", json).toString()).isEqualTo("event: ping\ndata: {\"a\":1}\n\n");
    assertThat(Sse.done().toString()).isEqualTo("data: [DONE]\n\n");
    assertThat(Sse.isDone(" [DONE] ")).isTrue();
  }

  @Test
  @DisplayName("Tool arguments become an object: blank is empty, invalid JSON is kept under _raw")
  void parsesArguments() {
    assertThat(Jsons.arguments("")).isEqualTo(new JsonObject());
    assertThat(Jsons.arguments("{\"a\":[1]}")).isEqualTo(new JsonObject().put("a", new io.vertx.core.json.JsonArray().add(1)));
    assertThat(Jsons.arguments("{\"a\":")).isEqualTo(new JsonObject().put("_raw", "{\"a\":"));
  }
}
