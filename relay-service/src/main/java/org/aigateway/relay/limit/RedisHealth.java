package org.aigateway.relay.limit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers rate-limit calls. After a failure, calls go to memory without trying Redis,
 * and one call per retry interval probes it; the first success ends the degraded state. Logs one
 * warning when limits degrade, then at most one a minute while they stay so, and one line on recovery.
 */
final class RedisHealth {

  private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);
  private static final long WARN_INTERVAL_MS = 60_000;

  private final long retryMs;
  private final AtomicBoolean degraded = new AtomicBoolean();
  private final AtomicLong nextProbeMs = new AtomicLong();
  private final AtomicLong nextWarnMs = new AtomicLong();
  private final AtomicLong failuresSinceWarn = new AtomicLong();

  RedisHealth(long retryMs) {
    this.retryMs = retryMs;
  }

  boolean degraded() {
    return degraded.get();
  }

  /** Whether a call at {@code nowMs} should go to Redis: always while healthy, one probe per interval otherwise. */
  boolean tryRedis(long nowMs) {
    if (!degraded.get()) {
      return true;
    }
    long next = nextProbeMs.get();
    return nowMs >= next && nextProbeMs.compareAndSet(next, nowMs + retryMs);
  }

  void succeeded() {
    if (degraded.compareAndSet(true, false)) {
      LOG.info("Redis answers rate-limit calls again: limits are shared across replicas again");
    }
  }

  void failed(Throwable err, long nowMs) {
    nextProbeMs.set(nowMs + retryMs);
    if (degraded.compareAndSet(false, true)) {
      nextWarnMs.set(nowMs + WARN_INTERVAL_MS);
      failuresSinceWarn.set(0);
      LOG.warn("Redis failed a rate-limit call ({}); limits now count per instance, in memory, until it answers",
          describe(err));
      return;
    }
    long failures = failuresSinceWarn.incrementAndGet();
    long nextWarn = nextWarnMs.get();
    if (nowMs >= nextWarn && nextWarnMs.compareAndSet(nextWarn, nowMs + WARN_INTERVAL_MS)) {
      failuresSinceWarn.set(0);
      LOG.warn("Rate limits still count per instance: {} more Redis failures, the last: {}", failures, describe(err));
    }
  }

  private static String describe(Throwable err) {
    return err.getClass().getSimpleName() + ": " + err.getMessage();
  }
}
