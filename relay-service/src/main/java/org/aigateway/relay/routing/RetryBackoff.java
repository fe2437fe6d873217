package org.aigateway.relay.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.ThreadLocalRandom;
import org.aigateway.relay.adaptor.Downstream;

/**
 * The pause before trying again a channel that just answered 429 or 503 (it asked for room): its
 * failures in this request × the base, plus a random 0–base, at most 5 × base. Waits on a Vert.x
 * timer, never blocking the event loop, and ends early when the client leaves: nobody is waiting
 * for the retry any more.
 */
public final class RetryBackoff {

  static final int MAX_STEPS = 5;

  private final Vertx vertx;
  private final long baseMs;

  public RetryBackoff(Vertx vertx, long baseMs) {
    this.vertx = vertx;
    this.baseMs = baseMs;
  }

  /** The pause before the next attempt on a channel after {@code failures} failures of it with {@code status}. */
  long delayMs(int status, int failures) {
    if ((status != 429 && status != 503) || baseMs <= 0) {
      return 0;
    }
    long jitter = ThreadLocalRandom.current().nextLong(baseMs + 1);
    return Math.min(MAX_STEPS * baseMs, failures * baseMs + jitter);
  }

  /** Completes after {@code delayMs}, or as soon as {@code downstream}'s client leaves; at once when it is 0. */
  Future<Void> pause(long delayMs, Downstream downstream) {
    if (delayMs <= 0 || downstream.gone()) {
      return Future.succeededFuture();
    }
    Promise<Void> paused = Promise.promise();
    long timer = vertx.setTimer(delayMs, id -> paused.tryComplete());
    downstream.onGone(() -> {
      vertx.cancelTimer(timer);
      paused.tryComplete();
    });
    return paused.future();
  }
}
