package org.aigateway.relay.routing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.aigateway.protocol.model.Channel;

/** Weighted random choice among the candidates not tried yet; uniform when all weights are zero. */
public final class ChannelPicker {

  private ChannelPicker() {
  }

  public static Optional<Channel> pick(List<Channel> candidates, Set<Integer> tried) {
    List<Channel> left = candidates.stream().filter(c -> !tried.contains(c.id())).toList();
    if (left.isEmpty()) {
      return Optional.empty();
    }
    long total = left.stream().mapToLong(Channel::weight).sum();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (total <= 0) {
      return Optional.of(left.get(random.nextInt(left.size())));
    }
    long point = random.nextLong(total);
    for (Channel channel : left) {
      point -= channel.weight();
      if (point < 0) {
        return Optional.of(channel);
      }
    }
    return Optional.of(left.get(left.size() - 1));
  }
}
