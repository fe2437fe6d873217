package org.aigateway.relay.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Random;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.RelayRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromptTokensTest {

  private final PromptEstimator estimator = new PromptEstimator(new TokenCounter());

  private static RelayRequest chat(JsonArray messages) {
    JsonObject body = new JsonObject().put("model", "gpt-4o").put("messages", messages);
    return new RelayRequest("r", 0, 0, "/v1/chat/completions", "/chat/completions", Mode.CHAT_COMPLETIONS, "gpt-4o",
        body, body.toBuffer(), false, false, "");
  }

  private static JsonObject text(String role, String content) {
    return new JsonObject().put("role", role).put("content", content);
  }

  private static JsonObject images(int count) {
    JsonArray parts = new JsonArray().add(new JsonObject().put("type", "text").put("text", "what is this?"));
    for (int i = 0; i < count; i++) {
      parts.add(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", "u" + i)));
    }
    return new JsonObject().put("role", "user").put("content", parts);
  }

  @Test
  @DisplayName("The bound is never below the estimate, whatever the text, messages, names and images")
  void boundHolds() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      JsonArray messages = new JsonArray();
      int count = random.nextInt(6);
      for (int m = 0; m < count; m++) {
        StringBuilder content = new StringBuilder();
        int words = random.nextInt(200);
        for (int w = 0; w < words; w++) {
          content.append(random.nextBoolean() ? "héllo " : "🙂 1234 ").append((char) ('a' + random.nextInt(26)));
        }
        JsonObject message = random.nextInt(4) == 0 ? images(random.nextInt(4)) : text("user", content.toString());
        messages.add(random.nextBoolean() ? message.put("name", "n") : message);
      }
      RelayRequest request = chat(messages);

      assertThat(estimator.upperBound(request.mode(), request.body(), request.rawBody()))
          .as("bound of %s", request.body()).isGreaterThanOrEqualTo(estimator.estimate(request.mode(), "gpt-4o",
              request.body()));
    }
  }

  @Test
  @DisplayName("Thresholds are answered right: small prompts without counting, many images and long texts by counting")
  void exceeds() {
    assertThat(new PromptTokens(estimator, chat(new JsonArray().add(text("user", "Say hello")))).exceeds(10_240))
        .isFalse();
    assertThat(new PromptTokens(estimator, chat(new JsonArray().add(images(14)))).exceeds(10_240))
        .as("14 images at 765 tokens").isTrue();
    assertThat(new PromptTokens(estimator, chat(new JsonArray().add(text("user", "lorem ipsum ".repeat(6_000)))))
        .exceeds(10_240)).isTrue();
    assertThat(new PromptTokens(estimator, chat(new JsonArray().add(text("user", "lorem ipsum ".repeat(6_000)))))
        .exceeds(102_400)).isFalse();
  }
}
