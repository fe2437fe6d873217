package org.aigateway.relay.convert.think;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThinkChunksTest {

  private static JsonObject chunk(JsonObject delta, String finishReason) {
    return new JsonObject().put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("model", "qwq")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("delta", delta)
            .put("finish_reason", finishReason)));
  }

  private static JsonObject content(String text) {
    return chunk(new JsonObject().put("content", text), null);
  }

  private static String field(List<JsonObject> chunks, String name) {
    StringBuilder out = new StringBuilder();
    chunks.forEach(c -> {
      Object value = c.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getValue(name);
      out.append(value instanceof String text ? text : "");
    });
    return out.toString();
  }

  @Test
  @DisplayName("Chunks whose tags are split across boundaries get reasoning_content and content, with the tail flushed on finish")
  void splitsAStream() {
    ThinkChunks think = new ThinkChunks();
    List<JsonObject> chunks = List.of(
        chunk(new JsonObject().put("role", "assistant").put("content", ""), null),
        content("<thi"), content("nk>\nreason"), content("ing</think>\n\nAns"), content("wer</th"),
        chunk(new JsonObject(), "stop"));

    chunks.forEach(think::apply);

    assertThat(field(chunks, "reasoning_content")).isEqualTo("reasoning");
    assertThat(field(chunks, "content")).isEqualTo("Answer</th");
    assertThat(chunks.get(1).getJsonArray("choices").getJsonObject(0).getJsonObject("delta"))
        .isEqualTo(new JsonObject().put("content", ""));
    assertThat(chunks.get(5).getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("stop");
  }

  @Test
  @DisplayName("A think block left open releases its held-back tail as reasoning on the finish chunk")
  void flushesOnFinish() {
    ThinkChunks think = new ThinkChunks();
    List<JsonObject> chunks = List.of(content("<think>abc</thi"), chunk(new JsonObject(), "length"));

    chunks.forEach(think::apply);

    assertThat(field(chunks, "reasoning_content")).isEqualTo("abc</thi");
    assertThat(field(chunks, "content")).isEmpty();
  }

  @Test
  @DisplayName("Once the upstream sends reasoning_content itself, the rest of the stream passes unchanged")
  void upstreamAlreadySplits() {
    ThinkChunks think = new ThinkChunks();
    JsonObject reasoning = chunk(new JsonObject().put("reasoning_content", "r").put("content", ""), null);
    JsonObject later = content("<think>literal</think>");

    think.apply(reasoning);
    JsonObject copy = later.copy();
    think.apply(later);

    assertThat(later).isEqualTo(copy);
  }

  @Test
  @DisplayName("Chunks with several choices and usage-only chunks are left alone")
  void leavesOtherChunksAlone() {
    ThinkChunks think = new ThinkChunks();
    JsonObject twoChoices = content("<think>x</think>y");
    twoChoices.getJsonArray("choices").add(new JsonObject().put("index", 1).put("delta", new JsonObject().put("content", "z")));
    JsonObject usage = new JsonObject().put("choices", new JsonArray()).put("usage", new JsonObject().put("total_tokens", 3));
    JsonObject[] originals = {twoChoices.copy(), usage.copy()};

    think.apply(twoChoices);
    think.apply(usage);

    assertThat(new JsonObject[] {twoChoices, usage}).containsExactly(originals);
  }

  @Test
  @DisplayName("In a whole completion every choice that opens with <think> is split; others keep their content")
  void splitsCompletion() {
    JsonObject completion = new JsonObject().put("choices", new JsonArray()
        .add(new JsonObject().put("index", 0).put("message", new JsonObject().put("role", "assistant")
            .put("content", "<think>\nfirst\n</think>\nOne")))
        .add(new JsonObject().put("index", 1).put("message", new JsonObject().put("role", "assistant")
            .put("content", "<think>second</think>Two")))
        .add(new JsonObject().put("index", 2).put("message", new JsonObject().put("role", "assistant")
            .put("content", "Plain")))
        .add(new JsonObject().put("index", 3).put("message", new JsonObject().put("role", "assistant")
            .put("content", "<think>kept</think>").put("reasoning_content", "upstream's"))));

    ThinkChunks.applyToCompletion(completion);

    JsonArray choices = completion.getJsonArray("choices");
    assertThat(choices.getJsonObject(0).getJsonObject("message").getString("reasoning_content")).isEqualTo("first\n");
    assertThat(choices.getJsonObject(0).getJsonObject("message").getString("content")).isEqualTo("One");
    assertThat(choices.getJsonObject(1).getJsonObject("message").getString("reasoning_content")).isEqualTo("second");
    assertThat(choices.getJsonObject(2).getJsonObject("message").containsKey("reasoning_content")).isFalse();
    assertThat(choices.getJsonObject(3).getJsonObject("message").getString("content")).isEqualTo("<think>kept</think>");
  }
}
