package org.aigateway.relay.adaptor.bridge;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.aigateway.protocol.model.Mode;
import org.aigateway.relay.adaptor.DelegatingAdaptor;
import org.aigateway.relay.adaptor.ProviderAdaptor;
import org.aigateway.relay.adaptor.RelayContext;
import org.aigateway.relay.adaptor.RelayRequest;
import org.aigateway.relay.adaptor.RelayResult;
import org.aigateway.relay.adaptor.UpstreamExchange;

/**
 * Wraps an adaptor of an OpenAI-compatible upstream (OpenAI, Azure, DeepSeek, ...) so that it also
 * serves Anthropic and Gemini clients, by sending their requests as chat completions and converting
 * the answers back; applies the think split to chat answers when the model asks for it; and relays
 * the JSON endpoints it is given ({@code jsonModes}: rerank, moderations, image generations) as they
 * are. Its own requests go to the wrapped adaptor untouched: a chat client's body, output limit
 * included, is the client's choice for its upstream; a converted request carries its output limit in
 * the field the upstream reads ({@link OutputLimitField}).
 */
public final class ChatBridgeAdaptor extends DelegatingAdaptor {

  private static final String CHAT_PATH = "/chat/completions";

  private final BridgeRelay relay;
  private final Set<Mode> jsonModes;
  private final OutputLimitField limitField;

  public ChatBridgeAdaptor(ProviderAdaptor delegate, BridgeRelay relay, Set<Mode> jsonModes,
      OutputLimitField limitField) {
    super(delegate);
    this.relay = relay;
    this.jsonModes = Set.copyOf(jsonModes);
    this.limitField = limitField;
  }

  @Override
  public boolean supports(Mode mode) {
    return delegate.supports(mode) || jsonModes.contains(mode)
        || (converted(mode) && delegate.supports(Mode.CHAT_COMPLETIONS));
  }

  @Override
  public String requestUrl(RelayContext ctx) {
    return delegate.requestUrl(converted(ctx) ? asChat(ctx, ctx.request().body()) : ctx);
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    delegate.prepareHeaders(converted(ctx) ? asChat(ctx, ctx.request().body()) : ctx, headers);
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    if (!converted(ctx)) {
      return delegate.convertRequest(ctx);
    }
    JsonObject chat = limitField.apply(ClientSide.of(ctx.request().mode()).toChat(ctx.request()));
    return delegate.convertRequest(asChat(ctx, chat));
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    if (jsonModes.contains(ctx.request().mode())) {
      return relay.relay(ctx, exchange, upstream, new JsonPassThroughPlan(ctx.request().mode()));
    }
    if (!converted(ctx) && !ThinkSplitStream.enabled(ctx)) {
      return delegate.handleResponse(ctx, exchange, upstream);
    }
    ChatPlan plan = ChatPlan.of(ctx, null, Mode.CHAT_COMPLETIONS, () -> relay.promptEstimate(ctx));
    return relay.relay(ctx, exchange, upstream, plan);
  }

  private static boolean converted(Mode mode) {
    return mode == Mode.ANTHROPIC || mode == Mode.GEMINI;
  }

  private static boolean converted(RelayContext ctx) {
    return converted(ctx.request().mode());
  }

  /**
   * The context as the wrapped adaptor sees a converted request: a chat completion with {@code chat}
   * as its body, on the same channel. A converted stream already asks for usage.
   */
  private static RelayContext asChat(RelayContext ctx, JsonObject chat) {
    RelayRequest r = ctx.request();
    RelayRequest request = new RelayRequest(r.requestId(), r.requestAt(), r.startNanos(), r.endpoint(), CHAT_PATH,
        Mode.CHAT_COMPLETIONS, r.model(), chat, chat == r.body() ? r.rawBody() : chat.toBuffer(), r.stream(),
        r.stream(), r.clientIp());
    RelayContext chatContext = new RelayContext(request, ctx.caller(), ctx.modelConfig(), ctx.downstream(),
        ctx.promptTokenCounter());
    chatContext.useChannel(ctx.channel());
    return chatContext;
  }
}
