package org.aigateway.relay.limit;

import io.vertx.core.Future;

/**
 * Requests-per-minute and tokens-per-minute limits over a 60 s sliding window of 1-second buckets.
 * Implementations never fail a future because a backing store is down: they answer from memory.
 */
public interface RateLimiter {

  /**
   * Checks both limits and, when both hold, counts the request and reserves {@code estimatedTokens}
   * in one atomic step. A rejected request consumes nothing. A limit of 0 is unlimited and not
   * counted; with both 0 nothing is stored.
   */
  Future<LimitDecision> admit(LimitKey key, long rpmLimit, long tpmLimit, long estimatedTokens);

  /**
   * Corrects the token window by {@code actualTokens - estimated} once the request's real usage is
   * known; call it once per admitted request, with 0 when the request failed without the upstream
   * using tokens. A reservation that has already left the window is only topped up, never refunded.
   * The future always succeeds.
   */
  Future<Void> reconcile(LimitKey key, Reservation reservation, long actualTokens);

  /** Whether limits are currently per instance because the shared store does not answer. */
  default boolean degraded() {
    return false;
  }

  /** Loads what the limiter needs ahead of the first request; succeeds even when that fails. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Stops timers and unregisters this limiter's meters (not the Redis client, which the caller owns). */
  default void close() {
  }
}
