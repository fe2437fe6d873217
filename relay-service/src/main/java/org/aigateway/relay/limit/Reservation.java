package org.aigateway.relay.limit;

import java.util.OptionalLong;

/**
 * The tokens an admitted request reserved in the token window, handed back to
 * {@link RateLimiter#reconcile} once the real usage is known.
 *
 * @param second          the epoch second whose bucket holds the reservation
 * @param estimatedTokens the tokens reserved
 * @param store           where the reservation lives; {@link Store#NONE} when nothing was reserved
 */
public record Reservation(long second, long estimatedTokens, Store store) {

  /** Nothing reserved: the token limit is unlimited or the request was rejected. */
  public static final Reservation NONE = new Reservation(0, 0, Store.NONE);

  /** Where a reservation was made, so that reconciling goes to the same place. */
  public enum Store { NONE, MEMORY, REDIS }

  /**
   * The bucket a correction of {@code delta} tokens goes to at {@code nowMs}: the reservation's own
   * bucket while it is in the window; once it has left, extra usage counts now and a refund has
   * nothing left to refund.
   */
  OptionalLong bucketFor(long delta, long nowMs) {
    long now = Math.floorDiv(nowMs, 1000);
    if (second > now - SlidingWindow.SECONDS) {
      return OptionalLong.of(second);
    }
    return delta > 0 ? OptionalLong.of(now) : OptionalLong.empty();
  }
}
