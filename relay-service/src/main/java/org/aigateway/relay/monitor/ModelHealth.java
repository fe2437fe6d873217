package org.aigateway.relay.monitor;

import java.util.Map;
import java.util.Set;

/**
 * What the picker knows about one model's channels: their recent error rates and bans (as of the
 * last cache refresh) and their circuit breakers (live). {@link #quiet()} lets the common case, no
 * errors at all, skip every per-channel look-up.
 */
public final class ModelHealth {

  /** A model with no recorded trouble. */
  public static final ModelHealth QUIET = new ModelHealth(Map.of(), Set.of(), Breakers.ModelBreakers.NONE);

  private final Map<Integer, Double> rates;
  private final Set<Integer> banned;
  private final Breakers.ModelBreakers breakers;
  private final boolean errorFree;

  ModelHealth(Map<Integer, Double> rates, Set<Integer> banned, Breakers.ModelBreakers breakers) {
    this.rates = rates;
    this.banned = banned;
    this.breakers = breakers;
    this.errorFree = banned.isEmpty() && rates.values().stream().allMatch(rate -> rate == 0);
  }

  /** No channel of the model has errors, a ban or an open breaker: plain priority weights apply. */
  public boolean quiet() {
    return errorFree && breakers.noneOpen();
  }

  /** The channel's error rate in the window, 0 to 1. */
  public double errorRate(int channelId) {
    Double rate = rates.get(channelId);
    return rate == null ? 0 : rate;
  }

  /** Banned for this model, or its breaker is open: only used when nothing else is left. */
  public boolean unavailable(int channelId) {
    return banned.contains(channelId) || breakers.open(channelId);
  }

  boolean banned(int channelId) {
    return banned.contains(channelId);
  }
}
