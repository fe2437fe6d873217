package org.aigateway.relay.adaptor.jina;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.DelegatingAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;
import org.aigateway.relay.adaptor.bridge.BridgeRelay;
import org.aigateway.relay.adaptor.bridge.JsonPassThroughPlan;
import org.aigateway.relay.adaptor.openai.OpenAiAdaptor;
import org.aigateway.relay.usage.UsageCounter;

/**
 * Jina AI: embeddings through its OpenAI-compatible {@code /embeddings} (delegated to an OpenAI
 * adaptor) and rerank at {@code {base}/rerank}, whose JSON answer reaches the client unchanged and
 * whose {@code usage.total_tokens} is the input billed.
 */
public final class JinaAdaptor extends DelegatingAdaptor {

  public static final String BASE_URL = "https://api.jina.ai/v1";

  private final BridgeRelay relay;

  public JinaAdaptor(UsageCounter counter, BridgeRelay relay) {
    super(new OpenAiAdaptor("jina", BASE_URL, counter));
    this.relay = relay;
  }

  @Override
  public boolean supports(Mode mode) {
    return mode == Mode.EMBEDDINGS || mode == Mode.RERANK;
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    if (ctx.request().mode() == Mode.RERANK) {
      return relay.relay(ctx, exchange, upstream, new JsonPassThroughPlan(Mode.RERANK));
    }
    return delegate.handleResponse(ctx, exchange, upstream);
  }
}
