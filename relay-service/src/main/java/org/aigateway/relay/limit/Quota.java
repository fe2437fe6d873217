package org.aigateway.relay.limit;

/**
 * The state of one limit after an admission.
 *
 * @param limit        the limit per 60 s; 0 means unlimited (the other fields are then 0)
 * @param remaining    what is left in the window after this admission (never negative)
 * @param resetSeconds for an admitted request: seconds until the oldest usage in the window leaves it
 *                     (capacity starts to come back), 0 when the window is empty; for the limit that
 *                     rejected a request: seconds until enough usage has left for the same request to
 *                     fit (60 when it can never fit)
 */
public record Quota(long limit, long remaining, long resetSeconds) {

  public static final Quota UNLIMITED = new Quota(0, 0, 0);

  public boolean unlimited() {
    return limit <= 0;
  }
}
