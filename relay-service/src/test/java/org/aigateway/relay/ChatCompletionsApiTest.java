package org.aigateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.event.RelayCompleted;
import org.aigateway.protocol.model.Pricing;
import org.aigateway.protocol.model.Status;
import org.aigateway.protocol.model.Usage;
import org.aigateway.relay.http.RequestIds;
import org.aigateway.testsupport.FakeOpenAiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatCompletionsApiTest {

  private static final String KEY = Fixtures.newKey();
  private static final String MAPPED = "gpt-4o-mini-2024-07-18";

  private RelayHarness harness;
  private FakeOpenAiServer upstream;
  private int channelId;
  private long tokenId;

  @BeforeAll
  void start() {
    harness = new RelayHarness();
    upstream = harness.fake();
    harness.fixtures.group("acme", Status.ENABLED, List.of("default"));
    tokenId = harness.fixtures.token(KEY, "main", "acme", List.of(), Status.ENABLED);
    channelId = harness.fixtures.openAiChannel(upstream.baseUrl(), "sk-upstream-1",
        List.of("gpt-4o-mini", "gpt-3.5-turbo-instruct", "text-embedding-3-small"), Map.of("gpt-4o-mini", MAPPED));
    harness.fixtures.chatModel("gpt-4o-mini", Fixtures.price("0.15", "0.6"));
    harness.fixtures.modelConfig("gpt-3.5-turbo-instruct", 2, Fixtures.price("1.5", "2"), 0, new JsonObject());
    harness.fixtures.modelConfig("text-embedding-3-small", 3, Fixtures.price("0.02", "0"), 0, new JsonObject());
    harness.deploy(Map.of());
  }

  @AfterAll
  void stop() {
    harness.close();
  }

  @BeforeEach
  void healthyUpstream() {
    upstream.reset();
  }

  @Test
  @DisplayName("A chat completion is relayed with the mapped model and the channel's key, and its exact usage is billed")
  void chatRelayedWithUsage() {
    upstream.behaviour().usage(40, 9).details(16, 4);

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", "sk-" + KEY,
        RelayHarness.chat("gpt-4o-mini", "Say hello"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo("Hello from the fake upstream");
    JsonObject relayed = upstream.lastRequest().json();
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/chat/completions");
    assertThat(upstream.lastRequest().header("Authorization")).isEqualTo("Bearer sk-upstream-1");
    assertThat(relayed.getString("model")).isEqualTo(MAPPED);
    assertThat(relayed.getJsonArray("messages")).isEqualTo(RelayHarness.chat("x", "Say hello").getJsonArray("messages"));

    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    Usage expected = new Usage(40, 9, 16, 0, 4, 49);
    assertThat(event.usage()).isEqualTo(expected);
    assertThat(event.usageEstimated()).isFalse();
    assertThat(event.model()).isEqualTo("gpt-4o-mini");
    assertThat(event.actualModel()).isEqualTo(MAPPED);
    assertThat(event.upstreamId()).isEqualTo(body.getString("id"));
    assertThat(event.status()).isEqualTo(200);
    assertThat(event.stream()).isFalse();
    assertThat(event.mode()).isEqualTo(1);
    assertThat(event.endpoint()).isEqualTo("/v1/chat/completions");
    assertThat(event.groupId()).isEqualTo("acme");
    assertThat(event.tokenId()).isEqualTo(tokenId);
    assertThat(event.tokenName()).isEqualTo("main");
    assertThat(event.channelId()).isEqualTo(channelId);
    assertThat(event.clientIp()).isEqualTo("127.0.0.1");
    assertThat(event.attempts()).singleElement().satisfies(a -> {
      assertThat(a.channelId()).isEqualTo(channelId);
      assertThat(a.status()).isEqualTo(200);
    });
    assertThat(event.durationMs()).isGreaterThanOrEqualTo(event.ttfbMs());
    assertThat(event.ttfbMs()).isPositive();
    assertThat(event.price()).isEqualTo(Fixtures.price("0.15", "0.6"));
    assertThat(event.amount()).isEqualTo(Pricing.amount(expected, event.price(), 200));
    assertThat(event.amount().total()).isPositive();
  }

  @Test
  @DisplayName("Without usage from the upstream, the relay counts the tokens with jtokkit and marks the usage estimated")
  void missingUsageIsEstimated() {
    upstream.behaviour().omitUsage();

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat("gpt-4o-mini", "Count my tokens please"));

    assertThat(response.statusCode()).isEqualTo(200);
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    var o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    long prompt = 3 + 3 + o200k.countTokens("userCount my tokens please");
    long completion = o200k.countTokens("Hello from the fake upstream");
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage()).isEqualTo(Usage.of(prompt, completion));
    assertThat(event.amount()).isEqualTo(Pricing.amount(event.usage(), event.price(), 200));
  }

  @Test
  @DisplayName("A prompt and an answer quoting a special token's text (<|endoftext|>) are counted as ordinary text, "
      + "not refused by the tokenizer")
  void specialTokenTextIsOrdinaryText() {
    upstream.behaviour().omitUsage().reply("It ends with <|endoftext|>");

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY,
        RelayHarness.chat("gpt-4o-mini", "What does <|endoftext|> mean?"));

    assertThat(response.statusCode()).isEqualTo(200);
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    var o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    assertThat(event.usageEstimated()).isTrue();
    assertThat(event.usage()).isEqualTo(Usage.of(3 + 3 + o200k.countTokensOrdinary("userWhat does <|endoftext|> mean?"),
        o200k.countTokensOrdinary("It ends with <|endoftext|>")));
  }

  @Test
  @DisplayName("Every response carries a unique, non-timestamp X-Request-Id, errors included")
  void requestIdsAreUnique() {
    HttpResponse<Buffer> ok = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("gpt-4o-mini", "hi"));
    HttpResponse<Buffer> unauthorized = harness.post("/v1/chat/completions", "wrong", RelayHarness.chat("gpt-4o-mini", "hi"));
    HttpResponse<Buffer> models = harness.get("/v1/models", KEY);

    List<String> ids = List.of(ok.getHeader(RequestIds.HEADER), unauthorized.getHeader(RequestIds.HEADER),
        models.getHeader(RequestIds.HEADER));
    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(ids).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{20,}"));
  }

  @Test
  @DisplayName("A completions request is relayed to /completions and logged with the completions mode")
  void completionsRelayed() {
    JsonObject request = new JsonObject().put("model", "gpt-3.5-turbo-instruct").put("prompt", "Once upon a time");

    HttpResponse<Buffer> response = harness.post("/v1/completions", KEY, request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("choices").getJsonObject(0).getString("text"))
        .isEqualTo("Hello from the fake upstream");
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/completions");
    assertThat(upstream.lastRequest().json().getString("prompt")).isEqualTo("Once upon a time");
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.mode()).isEqualTo(2);
    assertThat(event.usage()).isEqualTo(Usage.of(12, 6));
  }

  @Test
  @DisplayName("An embeddings request is relayed to /embeddings and billed on its input tokens")
  void embeddingsRelayed() {
    upstream.behaviour().usage(7, 0);
    JsonObject request = new JsonObject().put("model", "text-embedding-3-small").put("input", new JsonArray().add("a").add("b"));

    HttpResponse<Buffer> response = harness.post("/v1/embeddings", KEY, request);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("data")).hasSize(2);
    assertThat(upstream.lastRequest().path()).isEqualTo("/v1/embeddings");
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.mode()).isEqualTo(3);
    assertThat(event.usage()).isEqualTo(Usage.of(7, 0));
    assertThat(event.amount()).isEqualTo(Pricing.amount(Usage.of(7, 0), Fixtures.price("0.02", "0"), 200));
  }

  @Test
  @DisplayName("A 200 with malformed JSON from the upstream becomes a 502 in OpenAI's error shape")
  void malformedUpstreamJsonIs502() {
    upstream.behaviour().malformedJson();

    HttpResponse<Buffer> response = harness.post("/v1/chat/completions", KEY, RelayHarness.chat("gpt-4o-mini", "hi"));

    assertThat(response.statusCode()).isEqualTo(502);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("upstream_error");
    assertThat(error.getString("code")).isEqualTo("bad_upstream_response");
    assertThat(error.getString("message")).isNotBlank();
    RelayCompleted event = harness.event(response.getHeader(RequestIds.HEADER));
    assertThat(event.status()).isEqualTo(502);
    assertThat(event.content()).contains("invalid response");
    assertThat(event.amount().total()).isZero();
  }
}
