package org.aigateway.relay.limit;

import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a decision as the reference's headers: {@code X-RateLimit-Limit-Requests},
 * {@code X-RateLimit-Remaining-Requests}, {@code X-RateLimit-Reset-Requests} and the {@code -Tokens}
 * equivalents, for each limit that is set, with resets as Go durations ({@code 1m0s}, {@code 12s})
 * like the reference and OpenAI; plus {@code Retry-After} in seconds on a rejection, which the
 * OpenAI SDKs honour.
 */
public final class RateLimitHeaders {

  public static final String PREFIX_LIMIT = "X-RateLimit-Limit-";
  public static final String PREFIX_REMAINING = "X-RateLimit-Remaining-";
  public static final String PREFIX_RESET = "X-RateLimit-Reset-";
  public static final String RETRY_AFTER = "Retry-After";

  private RateLimitHeaders() {
  }

  /** The headers in a stable order: requests, tokens, then Retry-After. */
  public static Map<String, String> of(LimitDecision decision) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (LimitKind kind : LimitKind.values()) {
      Quota quota = decision.quota(kind);
      if (!quota.unlimited()) {
        headers.put(PREFIX_LIMIT + kind.headerSuffix(), Long.toString(quota.limit()));
        headers.put(PREFIX_REMAINING + kind.headerSuffix(), Long.toString(quota.remaining()));
        headers.put(PREFIX_RESET + kind.headerSuffix(), duration(quota.resetSeconds()));
      }
    }
    if (!decision.allowed()) {
      headers.put(RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
    }
    return headers;
  }

  /** Sets the headers on a response's headers. */
  public static void apply(LimitDecision decision, MultiMap headers) {
    of(decision).forEach(headers::set);
  }

  /** Whole seconds as a Go duration: {@code 0s}, {@code 45s}, {@code 1m0s}. */
  static String duration(long seconds) {
    long s = Math.max(0, seconds);
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
  }
}
