package org.aigateway.relay.routing;

import org.aigateway.relay.adaptor.RelayResult;

/**
 * What to do after a failed attempt. Connection failures, timeouts before the first byte, 429 and
 * 5xx are retried while retries remain (on another channel, else as {@link RetryRound} says); 401/402/403/404 from an upstream mean
 * this channel cannot serve the call, so another one is tried without using up a retry. Nothing is
 * retried once a byte reached the client, after the client left, or for 400/413/422/451.
 */
public final class RetryPolicy {

  /** The next step of the retry loop. */
  public enum Next { DONE, RETRY, MOVE_ON }

  private RetryPolicy() {
  }

  public static Next next(RelayResult result, boolean committed, boolean clientGone, int retriesLeft) {
    if (!result.failed() || committed || clientGone) {
      return Next.DONE;
    }
    int status = result.status();
    if (noPermission(status)) {
      return Next.MOVE_ON;
    }
    if (retriesLeft > 0 && (status == 429 || status >= 500)) {
      return Next.RETRY;
    }
    return Next.DONE;
  }

  /** The upstream refused this channel (key, balance, access, model): another channel may still serve the call. */
  static boolean noPermission(int status) {
    return status == 401 || status == 402 || status == 403 || status == 404;
  }
}
