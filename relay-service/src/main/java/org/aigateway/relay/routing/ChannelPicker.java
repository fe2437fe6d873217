package org.aigateway.relay.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.monitor.ModelHealth;

/**
 * Weighted random choice among the candidates not tried yet; uniform when all weights are zero.
 * When the model's channels have had trouble, a channel's weight is its priority weight divided by
 * {@code (errorRate + 0.10)^2}, and the choice falls back in stages: first without banned or
 * open-breaker channels and those above {@value #MAX_ERROR_RATE} errors, then without banned ones
 * only, then among all.
 */
public final class ChannelPicker {

  /** Above this error rate a channel is only used when every other one is banned too. */
  static final double MAX_ERROR_RATE = 0.85;
  private static final double RATE_OFFSET = 0.10;
  private static final int STAGES = 3;

  private ChannelPicker() {
  }

  public static Optional<Channel> pick(List<Channel> candidates, Set<Integer> tried, ModelHealth health) {
    if (health.quiet()) {
      return byPriority(untried(candidates, tried));
    }
    for (int stage = 0; stage < STAGES; stage++) {
      double total = 0;
      int count = 0;
      for (Channel channel : candidates) {
        if (eligible(channel, tried, health, stage)) {
          total += weight(channel, health);
          count++;
        }
      }
      if (count > 0) {
        return Optional.of(draw(candidates, tried, health, stage, total, count));
      }
    }
    return Optional.empty();
  }

  private static Optional<Channel> byPriority(List<Channel> left) {
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

  /** Stage 0 skips unavailable and error-prone channels, stage 1 unavailable ones, stage 2 none. */
  private static boolean eligible(Channel channel, Set<Integer> tried, ModelHealth health, int stage) {
    int id = channel.id();
    if (!tried.isEmpty() && tried.contains(id)) {
      return false;
    }
    if (stage == 2) {
      return true;
    }
    return !health.unavailable(id) && (stage == 1 || health.errorRate(id) <= MAX_ERROR_RATE);
  }

  private static double weight(Channel channel, ModelHealth health) {
    double damping = health.errorRate(channel.id()) + RATE_OFFSET;
    return channel.weight() / (damping * damping);
  }

  private static Channel draw(List<Channel> candidates, Set<Integer> tried, ModelHealth health, int stage,
                              double total, int count) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    double point = total > 0 ? random.nextDouble(total) : 0;
    int index = total > 0 ? -1 : random.nextInt(count);
    Channel last = null;
    for (Channel channel : candidates) {
      if (!eligible(channel, tried, health, stage)) {
        continue;
      }
      last = channel;
      if (total > 0) {
        point -= weight(channel, health);
        if (point < 0) {
          return channel;
        }
      } else if (index-- == 0) {
        return channel;
      }
    }
    return last;
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
