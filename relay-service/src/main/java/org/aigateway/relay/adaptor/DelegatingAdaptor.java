package org.aigateway.relay.adaptor;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;

/**
 * An adaptor that wraps another and changes part of what it does (the modes it serves, the request
 * or the answer): everything a subclass does not override is the wrapped adaptor's.
 */
public abstract class DelegatingAdaptor implements ProviderAdaptor {

  protected final ProviderAdaptor delegate;

  protected DelegatingAdaptor(ProviderAdaptor delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String defaultBaseUrl() {
    return delegate.defaultBaseUrl();
  }

  @Override
  public String baseUrl(Channel channel) {
    return delegate.baseUrl(channel);
  }

  @Override
  public boolean usable(Channel channel) {
    return delegate.usable(channel);
  }

  @Override
  public boolean supports(Mode mode) {
    return delegate.supports(mode);
  }

  @Override
  public String requestUrl(RelayContext ctx) {
    return delegate.requestUrl(ctx);
  }

  @Override
  public void prepareHeaders(RelayContext ctx, MultiMap headers) {
    delegate.prepareHeaders(ctx, headers);
  }

  @Override
  public Buffer convertRequest(RelayContext ctx) {
    return delegate.convertRequest(ctx);
  }

  @Override
  public Future<RelayResult> handleResponse(RelayContext ctx, UpstreamExchange exchange, HttpClientResponse upstream) {
    return delegate.handleResponse(ctx, exchange, upstream);
  }
}
