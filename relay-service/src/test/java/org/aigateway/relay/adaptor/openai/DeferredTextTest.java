package org.aigateway.relay.adaptor.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.aigateway.relay.usage.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeferredTextTest {

  /** A delta chunk as OpenAI streams it when usage was asked for: {@code "usage":null} in each. */
  private static String delta(String content) {
    return new JsonObject().put("id", "c1").put("object", "chat.completion.chunk")
        .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
            .put("delta", new JsonObject().put("content", content)))).putNull("usage").encode();
  }

  /** The reference: every chunk parsed into a tree on arrival, as the relay read streams before. */
  private static String treeText(List<String> chunks) {
    StringBuilder text = new StringBuilder();
    for (String data : chunks) {
      JsonObject chunk;
      try {
        chunk = new JsonObject(data);
      } catch (RuntimeException e) {
        continue;
      }
      if (chunk.getValue("error") instanceof JsonObject) {
        continue;
      }
      if (chunk.getValue("choices") instanceof JsonArray choices) {
        choices.forEach(c -> {
          if (c instanceof JsonObject choice) {
            Texts.appendChoice(text, choice);
          }
        });
      }
    }
    return text.toString();
  }

  private static OpenAiStreamState feed(List<String> chunks) {
    OpenAiStreamState state = new OpenAiStreamState(false);
    chunks.forEach(data -> state.accept(new SseEvent(Buffer.buffer("data: " + data + "\n\n"), data)));
    return state;
  }

  @Test
  @DisplayName("Deferred chunks give the same text, in order, as reading every chunk on arrival, whatever they hold")
  void sameTextAsTree() {
    List<String> chunks = List.of(
        delta("Hello"),
        delta(" the word \"usage\" and \"error\" in content"),
        delta(" caf\u00e9 \u2713"),
        "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" esc\\u00e9aped\"}}]}",
        "{\"choices\":[{\"delta\":{\"content\":\"broken\"}}],",
        "{\"choices\":[{\"delta\":{\"reasoning_content\":\" think\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
            + "\"arguments\":\"{}\"}}]}}]}",
        "{\"error\":{\"message\":\"late\"},\"choices\":[{\"delta\":{\"content\":\"dropped\"}}]}",
        delta(" tail"),
        "{\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\" usage-null\"}}],\"usage\":null,\"usage\":{\"prompt_tokens\":1,"
            + "\"completion_tokens\":4}}",
        "{\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"!\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5}}");

    OpenAiStreamState state = feed(chunks);

    assertThat(state.text().toString()).isEqualTo(treeText(chunks));
    assertThat(state.usage().outputTokens()).isEqualTo(5);
    assertThat(state.upstreamId()).isEqualTo("c1");
    assertThat(state.error().getString("message")).isEqualTo("late");
  }

  @ParameterizedTest(name = "{0} chunks")
  @ValueSource(ints = {1, 300, 2_000})
  @DisplayName("A long stream without usage keeps its whole text, past the bound of waiting chunks")
  void longStreams(int count) {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chunks.add(delta(" word" + i));
    }

    OpenAiStreamState state = feed(chunks);

    assertThat(state.usage()).isNull();
    assertThat(state.text().toString()).isEqualTo(treeText(chunks));
    assertThat(state.text().length()).isEqualTo(treeText(chunks).length());
  }

  @Test
  @DisplayName("Only chunks that can carry neither usage nor an error wait")
  void whichChunksWait() {
    assertThat(DeferredText.canWait(delta("plain"))).isTrue();
    assertThat(DeferredText.canWait("{\"choices\":[],\"usage\":null}")).isTrue();
    assertThat(DeferredText.canWait("{\"choices\":[],\"usage\" :\n null}")).isTrue();
    assertThat(DeferredText.canWait("{\"choices\":[],\"usage\":{}}")).isFalse();
    assertThat(DeferredText.canWait("{\"usage\":null,\"usage\":{\"prompt_tokens\":1}}")).isFalse();
    // a "usage" the scan cannot rule out is read at once: only costs time
    assertThat(DeferredText.canWait("{\"choices\":[{\"delta\":{\"content\":\"usage\"}}]}")).isFalse();
    assertThat(DeferredText.canWait("{\"error\":{}}")).isFalse();
    assertThat(DeferredText.canWait("{\"\\u0075sage\":{}}")).isFalse();
  }
}
