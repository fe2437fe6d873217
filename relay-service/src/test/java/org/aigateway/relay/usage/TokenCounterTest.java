package org.aigateway.relay.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Mode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenCounterTest {

  private final TokenCounter counter = new TokenCounter();
  private final PromptEstimator estimator = new PromptEstimator(counter);
  private final int helloO200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE)
      .countTokens("userhello there");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "gpt-4o, O200K_BASE", "gpt-4o-mini-2024-07-18, O200K_BASE", "o1-preview, O200K_BASE", "o3-mini, O200K_BASE",
      "gpt-4.1, O200K_BASE", "gpt-5, O200K_BASE", "llama-3-70b, O200K_BASE", "openai/gpt-4o, O200K_BASE",
      "gpt-4, CL100K_BASE", "gpt-4-turbo, CL100K_BASE", "gpt-3.5-turbo, CL100K_BASE",
      "text-embedding-3-small, CL100K_BASE", "text-embedding-ada-002, CL100K_BASE",
  })
  @DisplayName("The encoding follows the model family; unknown models use o200k_base")
  void encodingPerFamily(String model, EncodingType expected) {
    assertThat(TokenCounter.typeFor(model)).isEqualTo(expected);
  }

  @Test
  @DisplayName("Chat messages count 3 per message, 1 per name, the text once, and 3 for priming")
  void chatRule() {
    JsonArray one = new JsonArray().add(new JsonObject().put("role", "user").put("content", "hello there"));
    assertThat(estimator.estimate(Mode.CHAT_COMPLETIONS, "gpt-4o", new JsonObject().put("messages", one)))
        .isEqualTo(3 + 3 + helloO200k);

    JsonArray named = new JsonArray().add(new JsonObject().put("role", "user").put("content", "hello there").put("name", "a"));
    long withName = estimator.estimate(Mode.CHAT_COMPLETIONS, "gpt-4o", new JsonObject().put("messages", named));
    assertThat(withName).isEqualTo(3 + 3 + 1 + counter.count("gpt-4o", "userhello therea"));
  }

  @Test
  @DisplayName("Text parts are counted and image parts add their fixed cost")
  void partsAndImages() {
    JsonArray parts = new JsonArray()
        .add(new JsonObject().put("type", "text").put("text", "hello there"))
        .add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "u").put("detail", "low")));
    JsonArray messages = new JsonArray().add(new JsonObject().put("role", "user").put("content", parts));
    assertThat(estimator.estimate(Mode.CHAT_COMPLETIONS, "gpt-4o", new JsonObject().put("messages", messages)))
        .isEqualTo(3 + 3 + 85 + helloO200k);
  }

  @Test
  @DisplayName("Embedding inputs count their text, or their ids when given as token arrays")
  void embeddings() {
    assertThat(estimator.estimate(Mode.EMBEDDINGS, "text-embedding-3-small",
        new JsonObject().put("input", new JsonArray().add(1).add(2).add(3)))).isEqualTo(3);
    assertThat(estimator.estimate(Mode.EMBEDDINGS, "text-embedding-3-small", new JsonObject().put("input", "hello")))
        .isEqualTo(counter.count("text-embedding-3-small", "hello"));
  }
}
