package org.aigateway.relay.routing;

import java.util.ArrayList;
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
    List<Channel> left = untried(candidates, tried);
    if (left.isEmpty()) {
      return Optional.empty();
    }
    long total = 0;
    for (Channel channel : left) {
      total += channel.weight();
    }
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

  /** The candidates not tried yet; the list itself on a first attempt (the common case, no copy). */
  private static List<Channel> untried(List<Channel> candidates, Set<Integer> tried) {
    if (tried.isEmpty()) {
      return candidates;
    }
    List<Channel> left = new ArrayList<>(candidates.size());
    for (Channel channel : candidates) {
      if (!tried.contains(channel.id())) {
        left.add(channel);
      }
    }
    return left;
  }
}
