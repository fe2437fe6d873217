package org.aigateway.relay.limit;

/**
 * The answer to one admission.
 *
 * @param allowed     whether the request may proceed (it was counted and its tokens reserved)
 * @param rejectedBy  the limit that refused it; {@code null} when allowed
 * @param requests    the request limit's state ({@link Quota#UNLIMITED} when unlimited)
 * @param tokens      the token limit's state ({@link Quota#UNLIMITED} when unlimited)
 * @param reservation what to hand to {@link RateLimiter#reconcile} when the request ends
 */
public record LimitDecision(boolean allowed, LimitKind rejectedBy, Quota requests, Quota tokens,
                            Reservation reservation) {

  private static final LimitDecision UNLIMITED =
      new LimitDecision(true, null, Quota.UNLIMITED, Quota.UNLIMITED, Reservation.NONE);

  /** The decision for a key without limits. */
  public static LimitDecision unlimited() {
    return UNLIMITED;
  }

  public Quota quota(LimitKind kind) {
    return kind == LimitKind.REQUESTS ? requests : tokens;
  }

  /** Seconds a rejected client should wait before trying again; 0 when allowed. */
  public long retryAfterSeconds() {
    return rejectedBy == null ? 0 : Math.max(1, quota(rejectedBy).resetSeconds());
  }

  /**
   * Builds a decision from one evaluation of both windows.
   *
   * @param rejectedBy the refusing kind's ordinal, -1 when allowed
   * @param used       usage of each window after the admission
   * @param resetMs    milliseconds until each window frees capacity (see {@link Quota#resetSeconds})
   * @param second     the bucket the admission was counted in
   */
  static LimitDecision of(Demand demand, int rejectedBy, long[] used, long[] resetMs, long second,
                          Reservation.Store store) {
    boolean allowed = rejectedBy < 0;
    Reservation reservation = allowed && demand.tokenLimit() > 0
        ? new Reservation(second, demand.estimatedTokens(), store)
        : Reservation.NONE;
    return new LimitDecision(allowed, allowed ? null : LimitKind.values()[rejectedBy],
        quota(demand.requestLimit(), used[0], resetMs[0]),
        quota(demand.tokenLimit(), used[1], resetMs[1]),
        reservation);
  }

  private static Quota quota(long limit, long used, long resetMs) {
    if (limit == 0) {
      return Quota.UNLIMITED;
    }
    return new Quota(limit, Math.max(0, limit - used), Math.max(0, (resetMs + 999) / 1000));
  }
}
