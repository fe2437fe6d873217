package org.aigateway.relay.adaptor;

import java.util.Map;
import java.util.Optional;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;

/** The adaptor of each channel type; a channel of a type not registered here is never used. */
public final class AdaptorRegistry {

  private final Map<Integer, ProviderAdaptor> byType;

  public AdaptorRegistry(Map<Integer, ProviderAdaptor> byType) {
    this.byType = Map.copyOf(byType);
  }

  public Optional<ProviderAdaptor> forChannel(Channel channel) {
    return Optional.ofNullable(byType.get(channel.type()));
  }

  /** Whether {@code channel} has an adaptor that serves {@code mode} and enough configuration to call. */
  public boolean canServe(Channel channel, Mode mode) {
    ProviderAdaptor adaptor = byType.get(channel.type());
    return adaptor != null && adaptor.supports(mode) && adaptor.usable(channel);
  }

  /** The adaptor name of a channel's type, {@code "unknown"} when none is registered. */
  public String name(Channel channel) {
    return forChannel(channel).map(ProviderAdaptor::name).orElse("unknown");
  }
}
