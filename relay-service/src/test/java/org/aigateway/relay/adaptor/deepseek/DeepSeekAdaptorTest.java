package org.aigateway.relay.adaptor.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.usage.TokenCounter;
import org.aigateway.relay.usage.UsageCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeepSeekAdaptorTest {

  private final DeepSeekAdaptor adaptor = new DeepSeekAdaptor(new UsageCounter(new TokenCounter()));

  private static RelayContext context(String baseUrl) {
    JsonObject body = new JsonObject().put("model", "deepseek-chat");
    RelayRequest request = new RelayRequest("id", 0, 0, "/v1/chat/completions", "/chat/completions",
        Mode.CHAT_COMPLETIONS, "deepseek-chat", body, body.toBuffer(), false, false, "");
    RelayContext ctx = new RelayContext(request, Caller.internalCaller(), null, null, null);
    ctx.useChannel(new Channel(1, 36, "ds", "sk-ds", baseUrl, List.of("deepseek-chat"), Map.of(), 0, 1,
        List.of("default"), 0, false, 0));
    return ctx;
  }

  @Test
  @DisplayName("A DeepSeek channel without a base URL calls https://api.deepseek.com/v1")
  void defaultBaseUrl() {
    assertThat(adaptor.requestUrl(context(""))).isEqualTo("https://api.deepseek.com/v1/chat/completions");
    assertThat(adaptor.requestUrl(context("https://proxy.example/v1/"))).isEqualTo("https://proxy.example/v1/chat/completions");
    assertThat(adaptor.name()).isEqualTo("deepseek");
    assertThat(adaptor.supports(Mode.CHAT_COMPLETIONS)).isTrue();
    assertThat(adaptor.supports(Mode.EMBEDDINGS)).isFalse();
  }
}
