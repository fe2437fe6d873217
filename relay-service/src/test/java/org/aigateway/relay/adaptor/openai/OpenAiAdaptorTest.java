package org.aigateway.relay.adaptor.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.usage.TokenCounter;
import org.aigateway.relay.usage.UsageCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenAiAdaptorTest {

  private final OpenAiAdaptor adaptor = new OpenAiAdaptor("openai", OpenAiAdaptor.OPENAI_BASE_URL,
      new UsageCounter(new TokenCounter()));

  private static RelayContext context(String body, Channel channel) {
    JsonObject json = new JsonObject(body);
    boolean stream = Boolean.TRUE.equals(json.getValue("stream"));
    boolean wantsUsage = stream && json.getJsonObject("stream_options", new JsonObject()).getBoolean("include_usage", false);
    RelayRequest request = new RelayRequest("id", 0, 0, "/v1/chat/completions", "/chat/completions",
        Mode.CHAT_COMPLETIONS, json.getString("model"), json, Buffer.buffer(body), stream, wantsUsage, "");
    RelayContext ctx = new RelayContext(request, Caller.internalCaller(), null, null, null);
    ctx.useChannel(channel);
    return ctx;
  }

  private static Channel channel(String baseUrl, Map<String, String> mapping) {
    return new Channel(1, 1, "c", " sk-up ", baseUrl, List.of("gpt-4o"), mapping, 0, 1, List.of("default"), 0,
        false, 0);
  }

  static Stream<Arguments> conversions() {
    return Stream.of(
        Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[]}", Map.of(), "{\"model\":\"gpt-4o\",\"messages\":[]}"),
        Arguments.of("{\"model\":\"gpt-4o\",\"messages\":[]}", Map.of("gpt-4o", "gpt-4o-2024"),
            "{\"model\":\"gpt-4o-2024\",\"messages\":[]}"),
        Arguments.of("{\"model\":\"gpt-4o\",\"stream\":true}", Map.of(),
            "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}"),
        Arguments.of("{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"x\":1}}", Map.of(),
            "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"x\":1,\"include_usage\":true}}"),
        Arguments.of("{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}", Map.of(),
            "{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}"));
  }

  @ParameterizedTest(name = "{0} with mapping {1}")
  @MethodSource("conversions")
  @DisplayName("The upstream body carries the mapped model and, for streams, include_usage")
  void convertsRequest(String body, Map<String, String> mapping, String expected) {
    Buffer converted = adaptor.convertRequest(context(body, channel("", mapping)));

    assertThat(new JsonObject(converted)).isEqualTo(new JsonObject(expected));
  }

  @Test
  @DisplayName("An unchanged body is relayed as received, without re-encoding")
  void unchangedBodyPassesThrough() {
    RelayContext ctx = context("{\"model\":\"gpt-4o\",  \"messages\":[]}", channel("", Map.of()));

    assertThat(adaptor.convertRequest(ctx)).isSameAs(ctx.request().rawBody());
  }

  @Test
  @DisplayName("A stream request without stream_options keeps its bytes, with include_usage inserted as the first member")
  void streamOptionsSplicedIntoBytes() {
    String body = " {\"model\":\"gpt-4o\",  \"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"é\"}]}";

    Buffer converted = adaptor.convertRequest(context(body, channel("", Map.of())));

    assertThat(converted.toString()).isEqualTo(" {\"stream_options\":{\"include_usage\":true},\"model\":\"gpt-4o\",  "
        + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"é\"}]}");
  }

  @Test
  @DisplayName("The URL joins the base URL (default or the channel's, trailing slash dropped) and the path; the key is a Bearer")
  void urlAndHeaders() {
    assertThat(adaptor.requestUrl(context("{\"model\":\"gpt-4o\"}", channel("", Map.of()))))
        .isEqualTo("https://api.openai.com/v1/chat/completions");
    RelayContext custom = context("{\"model\":\"gpt-4o\"}", channel("http://10.0.0.1:8000/v1/", Map.of()));
    assertThat(adaptor.requestUrl(custom)).isEqualTo("http://10.0.0.1:8000/v1/chat/completions");
    MultiMap headers = HttpHeaders.headers();
    adaptor.prepareHeaders(custom, headers);
    assertThat(headers.get("Authorization")).isEqualTo("Bearer sk-up");
    assertThat(headers.get("Accept-Encoding")).isEqualTo("identity");
    assertThat(new OpenAiAdaptor("openai-compatible", "", null).usable(channel("", Map.of()))).isFalse();
  }
}
