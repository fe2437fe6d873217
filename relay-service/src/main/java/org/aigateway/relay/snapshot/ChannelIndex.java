package org.aigateway.relay.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aigateway.protocol.model.Channel;

/** Builds the model to enabled-channels index of a snapshot. */
final class ChannelIndex {

  private ChannelIndex() {
  }

  static Map<String, List<Channel>> enabledByModel(Collection<Channel> channels) {
    Map<String, List<Channel>> index = new HashMap<>();
    channels.stream()
        .filter(Channel::enabled)
        .sorted(Comparator.comparingInt(Channel::id))
        .forEach(channel -> channel.models().stream().distinct().forEach(
            model -> index.computeIfAbsent(model, m -> new ArrayList<>()).add(channel)));
    Map<String, List<Channel>> frozen = new HashMap<>(index.size() * 2);
    index.forEach((model, list) -> frozen.put(model, List.copyOf(list)));
    return Map.copyOf(frozen);
  }
}
