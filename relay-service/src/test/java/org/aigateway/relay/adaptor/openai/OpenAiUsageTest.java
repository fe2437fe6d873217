package org.aigateway.relay.adaptor.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.aigateway.protocol.model.Usage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenAiUsageTest {

  @Test
  @DisplayName("OpenAI's usage details map to cached, cache-creation, reasoning, image and audio token counts")
  void details() {
    JsonObject usage = new JsonObject("""
        {"prompt_tokens": 120, "completion_tokens": 80, "total_tokens": 200,
         "prompt_tokens_details": {"cached_tokens": 30, "cache_creation_tokens": 5, "image_tokens": 40, "audio_tokens": 7},
         "completion_tokens_details": {"reasoning_tokens": 20, "image_tokens": 50}}
        """);

    assertThat(OpenAiUsage.parse(usage)).isEqualTo(new Usage(120, 80, 30, 5, 20, 200, 40, 7, 50, 0));
  }

  @Test
  @DisplayName("Missing details count as zero and a missing total is input plus output")
  void withoutDetails() {
    assertThat(OpenAiUsage.parse(new JsonObject().put("prompt_tokens", 3).put("completion_tokens", 4)))
        .isEqualTo(Usage.of(3, 4));
  }
}
