package org.aigateway.relay.adaptor;

import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;

/**
 * An adaptor that wraps another to change how requests or answers are handled: what concerns the
 * channel itself (name, base URL, whether it is usable, which modes it serves) is the wrapped
 * adaptor's unless a subclass says otherwise.
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
}
