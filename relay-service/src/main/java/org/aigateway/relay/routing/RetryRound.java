package org.aigateway.relay.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aigateway.protocol.model.Channel;
import org.aigateway.relay.monitor.ModelHealth;
import org.aigateway.relay.routing.RetryPolicy.Next;

/**
 * The channel choices of one request's retry loop. Untried candidates come first (weighted by
 * priority and recent error rate, by {@link ChannelPicker}); once none is left the loop is
 * "exhausted" and, while retries remain, tries again the failed channel that had permission (any
 * failure but 401/402/403/404) with the fewest failures in this request, unless its recent error
 * rate is above {@value #EXHAUSTED_MAX_ERROR_RATE}, after the {@link RetryBackoff} pause when it
 * asked for room (429/503).
 * Moving on after a permission failure is free; every other retry uses one up.
 */
final class RetryRound {

  /** The next attempt: its channel, the retries left after it, and the pause before it. */
  record Step(Channel channel, int retriesLeft, long delayMs) {
  }

  /** A channel failing more often than this is not worth another try in exhausted mode. */
  static final double EXHAUSTED_MAX_ERROR_RATE = 0.85;

  private final List<Channel> candidates;
  private final RetryBackoff backoff;
  private final ModelHealth health;
  private final Set<Integer> tried = new HashSet<>();
  private final Map<Integer, Integer> failures = new HashMap<>();
  private final List<Channel> reusable = new ArrayList<>(2);

  RetryRound(List<Channel> candidates, RetryBackoff backoff, ModelHealth health) {
    this.candidates = candidates;
    this.backoff = backoff;
    this.health = health;
  }

  /** The first attempt's channel, none when no candidate is left. */
  Optional<Channel> first() {
    return ChannelPicker.pick(candidates, tried, health);
  }

  void tried(Channel channel) {
    tried.add(channel.id());
  }

  /**
   * The attempt after {@code channel} failed with {@code status} and the policy said {@code next}
   * (RETRY or MOVE_ON) with {@code retriesLeft} retries; none when the loop ends.
   */
  Optional<Step> after(Channel channel, int status, Next next, int retriesLeft) {
    if (!RetryPolicy.noPermission(status) && health.errorRate(channel.id()) <= EXHAUSTED_MAX_ERROR_RATE) {
      if (failures.merge(channel.id(), 1, Integer::sum) == 1) {
        reusable.add(channel);
      }
    }
    Optional<Channel> untried = ChannelPicker.pick(candidates, tried, health);
    if (untried.isPresent()) {
      return Optional.of(new Step(untried.get(), next == Next.MOVE_ON ? retriesLeft : retriesLeft - 1, 0));
    }
    if (retriesLeft <= 0 || reusable.isEmpty()) {
      return Optional.empty();
    }
    Channel again = leastFailed();
    long delay = again.id() == channel.id() ? backoff.delayMs(status, failures.get(again.id())) : 0;
    return Optional.of(new Step(again, retriesLeft - 1, delay));
  }

  private Channel leastFailed() {
    Channel best = reusable.get(0);
    for (Channel channel : reusable) {
      if (failures.get(channel.id()) < failures.get(best.id())) {
        best = channel;
      }
    }
    return best;
  }
}
