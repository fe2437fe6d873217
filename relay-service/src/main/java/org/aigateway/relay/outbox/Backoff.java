package org.aigateway.relay.outbox;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential retry delays with jitter, so that relays restarting together do not retry in step. */
final class Backoff {

  static final long INITIAL_MS = 100;

  private final long maxMs;
  private int failures;

  Backoff(long maxMs) {
    this.maxMs = Math.max(INITIAL_MS, maxMs);
  }

  /** The pause before the next retry: half the exponential step plus a random part of the other half. */
  long next() {
    long step = Math.min(maxMs, INITIAL_MS << Math.min(failures, 20));
    failures++;
    long half = step / 2;
    return half + ThreadLocalRandom.current().nextLong(half + 1);
  }

  int failures() {
    return failures;
  }

  void reset() {
    failures = 0;
  }
}
