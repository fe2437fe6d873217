package org.aigateway.relay.adaptor.gemini;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.util.Set;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.adaptor.bridge.BridgeRelay;
import org.aigateway.relay.adaptor.bridge.ChatPlan;

/**
 * Google AI Studio's Gemini API ({@code {base}/v1beta/models/{model}:generateContent}, or
 * {@code :streamGenerateContent?alt=sse} for streams, {@code x-goog-api-key}): Gemini clients pass
 * through unchanged, OpenAI chat and Anthropic clients are converted both ways. A base URL that
 * already ends with an API version ({@code /v1beta}, {@code /v1}) is used as it is.
 */
public final class GeminiAdaptor implements ProviderAdaptor {

  public static final String BASE_URL = "https://generativelanguage.googleapis.com";
  private static final String VERSION = "/v1beta";
  private static final Set<Mode> MODES = Set.of(Mode.CHAT_COMPLETIONS, Mode.ANTHROPIC, Mode.GEMINI);
  private static final GeminiCodec CODEC = new GeminiCodec();

  private final BridgeRelay relay;

  public GeminiAdaptor(BridgeRelay relay) {
    this.relay = relay;
  }

  @Override
  public String name() {
    return "google";
  }

  @Override
  public String defaultBaseUrl() {
    return BASE_URL;
  }

  @Override
  public boolean supports(Mode mode) {
    return MODES.contains(mode);
  }

  @Override
  public String requestUrl(RelayContext ctx) {
    String base = baseUrl(ctx.channel());
    if (!base.endsWith(VERSION) && !base.endsWith("/v1")) {
      base += VERSION;
    }
    String model = ctx.actualModel().startsWith("models/") ? ctx.actualModel().substring(7) : ctx.actualModel();
    String action = ctx.request().stream() ? ":streamGenerateContent?alt=sse" : ":generateContent";
    return base + "/models/" + model + action;
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    headers.set("x-goog-api-key", ctx.channel().key().strip())
        .set(HttpHeaders.CONTENT_TYPE, "application/json")
        .set(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.IDENTITY);
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    return ChatPlan.upstreamBody(ctx, CODEC, Mode.GEMINI);
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    return relay.relay(ctx, exchange, upstream, ChatPlan.of(ctx, CODEC, Mode.GEMINI, () -> relay.promptEstimate(ctx)));
  }
}
