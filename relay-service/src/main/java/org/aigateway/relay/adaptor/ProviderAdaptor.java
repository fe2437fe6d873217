package org.aigateway.relay.adaptor;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;

/**
 * Speaks one provider's protocol for the relay. The relay picks a channel, asks the adaptor for the
 * upstream URL, headers and body, sends the request itself (with deadlines and retries around it),
 * and hands the upstream response back to the adaptor, which writes the client's response and
 * reports the usage. Adaptors reuse each other by delegation.
 */
public interface ProviderAdaptor {

  /** A short name, used as {@code owned_by} of models that have no owner configured. */
  String name();

  /** The base URL used when a channel has none; empty when a channel must set its own. */
  String defaultBaseUrl();

  /** Whether this adaptor can serve requests of {@code mode}. */
  boolean supports(Mode mode);

  /** The channel's base URL without a trailing slash, or its default. */
  default String baseUrl(Channel channel) {
    String base = channel.baseUrl() == null || channel.baseUrl().isBlank() ? defaultBaseUrl() : channel.baseUrl().strip();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** Whether {@code channel} is configured well enough to be called. */
  default boolean usable(Channel channel) {
    return !baseUrl(channel).isEmpty();
  }

  /** The absolute upstream URL for the context's request on its channel. */
  String requestUrl(RelayContext ctx);

  /** Adds the upstream's headers (credentials, content type). */
  void prepareHeaders(RelayContext ctx, MultiMap headers);

  /** The body sent upstream (mapped model, forced usage reporting, protocol conversion). */
  Buffer convertRequest(RelayContext ctx);

  /**
   * Relays the upstream's response to {@code ctx.downstream()} and reports how it ended. Must not
   * write to the client when it returns a failure that nothing was written for, so that the relay
   * can retry elsewhere; the returned future always succeeds.
   */
  Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream);
}
