package org.aigateway.relay.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aigateway.protocol.model.Channel;
import org.aigateway.protocol.model.Mode;
import org.aigateway.protocol.model.ModelConfig;
import org.aigateway.relay.adaptor.AdaptorRegistry;
import org.aigateway.relay.auth.Caller;
import org.aigateway.relay.error.OpenAiErrors;
import org.aigateway.relay.error.RelayException;
import org.aigateway.relay.snapshot.ConfigSnapshot;
import org.aigateway.relay.snapshot.SnapshotStore;

/**
 * Decides whether a caller may use a model, and which channels may serve it: the token's
 * allow-list, the model's configuration and type, and the enabled channels in the group's sets.
 */
public final class ModelResolver {

  private final SnapshotStore store;
  private final AdaptorRegistry adaptors;
  private final boolean disableModelConfig;

  public ModelResolver(SnapshotStore store, AdaptorRegistry adaptors, boolean disableModelConfig) {
    this.store = store;
    this.adaptors = adaptors;
    this.disableModelConfig = disableModelConfig;
  }

  /**
   * The resolution of {@code model} for a request on {@code endpoint}.
   *
   * @throws RelayException 404 when the caller may not use the model or it is not served on this endpoint
   */
  public Resolution resolve(Caller caller, String model, Mode endpoint) {
    ConfigSnapshot snapshot = store.current();
    ModelConfig config = snapshot.modelConfig(model);
    List<Channel> enabled = snapshot.enabledChannels(model);
    List<Channel> candidates = new ArrayList<>(enabled.size());
    boolean usable = false;
    for (Channel channel : enabled) {
      if (caller.canUse(channel)) {
        usable = true;
        if (adaptors.canServe(channel, endpoint)) {
          candidates.add(channel);
        }
      }
    }
    if (!caller.allows(model) || !usable || (config == null && !disableModelConfig)) {
      throw OpenAiErrors.modelNotFound(model);
    }
    if (config != null && !config.mode().servableOn(endpoint)) {
      throw OpenAiErrors.modelNotOnEndpoint(model);
    }
    return new Resolution(config, candidates);
  }

  /** Every model the caller may use, with its configuration (or {@code null}) and one serving channel. */
  public Map<String, Listed> models(Caller caller) {
    ConfigSnapshot snapshot = store.current();
    Map<String, Listed> models = new TreeMap<>();
    snapshot.enabledByModel().forEach((model, channels) -> {
      if (!caller.allows(model)) {
        return;
      }
      ModelConfig config = snapshot.modelConfig(model);
      if (config == null && !disableModelConfig) {
        return;
      }
      channels.stream().filter(caller::canUse).findFirst()
          .ifPresent(channel -> models.put(model, new Listed(config, adaptors.name(channel))));
    });
    return models;
  }

  /** A listed model: its configuration ({@code null} when none) and the adaptor name of a serving channel. */
  public record Listed(ModelConfig config, String adaptorName) {
  }
}
