package org.aigateway.relay.adaptor.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.aigateway.protocol.model.Usage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OpenAiStreamStateTest {

  private static final String USAGE_ONLY = "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,"
      + "\"completion_tokens\":2,\"total_tokens\":7,\"prompt_tokens_details\":{\"cached_tokens\":1},"
      + "\"completion_tokens_details\":{\"reasoning_tokens\":1}}}";
  private static final String USAGE_WITH_CHOICE = "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"!\"}}],"
      + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}";
  private static final String CONTENT_NULL_USAGE = "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}],"
      + "\"usage\":null}";

  private static SseEvent event(String data) {
    return new SseEvent(Buffer.buffer("data: " + data + "\n\n"), data);
  }

  @ParameterizedTest(name = "client asked for usage: {0}, chunk {1}: forwarded {2}")
  @CsvSource({
      "false, usageOnly, false",
      "true, usageOnly, true",
      "false, usageWithChoice, true",
      "false, contentNullUsage, true",
  })
  @DisplayName("Only the usage-only chunk is hidden, and only from a client that did not ask for usage")
  void forwarding(boolean clientWantsUsage, String chunk, boolean forwarded) {
    String data = switch (chunk) {
      case "usageOnly" -> USAGE_ONLY;
      case "usageWithChoice" -> USAGE_WITH_CHOICE;
      default -> CONTENT_NULL_USAGE;
    };
    assertThat(new OpenAiStreamState(clientWantsUsage).accept(event(data))).isEqualTo(forwarded);
  }

  @Test
  @DisplayName("Usage details, id, text, [DONE] and in-band errors are recorded")
  void records() {
    OpenAiStreamState state = new OpenAiStreamState(false);
    state.accept(event(CONTENT_NULL_USAGE));
    state.accept(event(USAGE_ONLY));
    assertThat(state.usage()).isEqualTo(new Usage(5, 2, 1, 0, 1, 7));
    assertThat(state.upstreamId()).isEqualTo("c1");
    assertThat(state.text().toString()).isEqualTo("Hi");
    assertThat(state.accept(event("[DONE]"))).isTrue();
    assertThat(state.done()).isTrue();
    assertThat(state.accept(event("{\"late\":true}"))).isFalse();

    OpenAiStreamState failing = new OpenAiStreamState(false);
    assertThat(failing.accept(event("{\"error\":{\"message\":\"rate limited\",\"code\":\"rate_limit_exceeded\"}}"))).isTrue();
    assertThat(failing.error().getString("message")).isEqualTo("rate limited");
  }
}
