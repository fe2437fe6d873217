package org.aigateway.relay.adaptor.anthropic;

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
 * Anthropic's Messages API ({@code POST {base}/messages}, {@code x-api-key} and
 * {@code anthropic-version}): Anthropic clients pass through unchanged, OpenAI chat and Gemini
 * clients are converted both ways.
 */
public final class AnthropicAdaptor implements ProviderAdaptor {

  public static final String BASE_URL = "https://api.anthropic.com/v1";
  public static final String VERSION = "2023-06-01";
  private static final Set<Mode> MODES = Set.of(Mode.CHAT_COMPLETIONS, Mode.ANTHROPIC, Mode.GEMINI);
  private static final AnthropicCodec CODEC = new AnthropicCodec();

  private final BridgeRelay relay;

  public AnthropicAdaptor(BridgeRelay relay) {
    this.relay = relay;
  }

  @Override
  public String name() {
    return "anthropic";
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
    return baseUrl(ctx.channel()) + "/messages";
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    headers.set("x-api-key", ctx.channel().key().strip())
        .set("anthropic-version", VERSION)
        .set(HttpHeaders.CONTENT_TYPE, "application/json")
        .set(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.IDENTITY);
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    return ChatPlan.upstreamBody(ctx, CODEC, Mode.ANTHROPIC);
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    return relay.relay(ctx, exchange, upstream, ChatPlan.of(ctx, CODEC, Mode.ANTHROPIC, () -> relay.promptEstimate(ctx)));
  }
}
