package org.aigateway.relay.adaptor.ollama;

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
 * Ollama's native API, as the original uses it: chat at {@code {base}/api/chat} (OpenAI chat,
 * Anthropic and Gemini clients converted), embeddings at {@code {base}/api/embed}. A channel key,
 * when set, is sent as a bearer token (Ollama behind an authenticating proxy).
 */
public final class OllamaAdaptor implements ProviderAdaptor {

  public static final String BASE_URL = "http://localhost:11434";
  private static final Set<Mode> MODES = Set.of(Mode.CHAT_COMPLETIONS, Mode.EMBEDDINGS, Mode.ANTHROPIC, Mode.GEMINI);
  private static final OllamaCodec CODEC = new OllamaCodec();

  private final BridgeRelay relay;

  public OllamaAdaptor(BridgeRelay relay) {
    this.relay = relay;
  }

  @Override
  public String name() {
    return "ollama";
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
    return baseUrl(ctx.channel()) + (ctx.request().mode() == Mode.EMBEDDINGS ? "/api/embed" : "/api/chat");
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json").set(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.IDENTITY);
    String key = ctx.channel().key() == null ? "" : ctx.channel().key().strip();
    if (!key.isEmpty()) {
      headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    if (ctx.request().mode() == Mode.EMBEDDINGS) {
      return OllamaRequests.embeddings(ctx.request().body(), ctx.actualModel()).toBuffer();
    }
    return ChatPlan.upstreamBody(ctx, CODEC, null);
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    if (ctx.request().mode() == Mode.EMBEDDINGS) {
      return relay.relay(ctx, exchange, upstream, new OllamaEmbeddingsPlan(ctx.request().model()));
    }
    return relay.relay(ctx, exchange, upstream, ChatPlan.of(ctx, CODEC, null, () -> relay.promptEstimate(ctx)));
  }
}
