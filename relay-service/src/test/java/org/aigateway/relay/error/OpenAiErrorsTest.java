package org.aigateway.relay.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

  @Test
  @DisplayName("An OpenAI-shaped upstream error passes through; anything else is wrapped with its status")
  void fromUpstream() {
    String openAi = "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\",\"param\":null}}";
    RelayException passed = OpenAiErrors.fromUpstream(429, Buffer.buffer(openAi));
    assertThat(passed.status()).isEqualTo(429);
    assertThat(passed.body()).isEqualTo(new JsonObject(openAi));
    assertThat(passed.getMessage()).isEqualTo("slow down");

    RelayException wrapped = OpenAiErrors.fromUpstream(503, Buffer.buffer("<html>Service Unavailable</html>"));
    assertThat(wrapped.status()).isEqualTo(503);
    assertThat(wrapped.body().getJsonObject("error").getString("message")).isEqualTo("<html>Service Unavailable</html>");
    assertThat(wrapped.body().getJsonObject("error").fieldNames()).containsExactlyInAnyOrder("message", "type", "code", "param");

    assertThat(OpenAiErrors.fromUpstream(500, Buffer.buffer()).getMessage()).contains("500");
    assertThat(OpenAiErrors.fromUpstream(500, Buffer.buffer("{\"detail\":\"x\"}")).body().getJsonObject("error")
        .getString("message")).isEqualTo("{\"detail\":\"x\"}");
  }

  @Test
  @DisplayName("In-band rate-limit errors count as 429, others as 502")
  void inBand() {
    assertThat(OpenAiErrors.inBand(new JsonObject().put("message", "m").put("code", "rate_limit_exceeded")).status())
        .isEqualTo(429);
    assertThat(OpenAiErrors.inBand(new JsonObject().put("message", "m").put("type", "server_error")).status())
        .isEqualTo(502);
  }
}
