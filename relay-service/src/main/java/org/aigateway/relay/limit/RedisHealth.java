package org.aigateway.relay.limit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis answers one feature's calls (rate limits, the channel monitor). After a failure,
 * calls go to memory without trying Redis, and one call per retry interval probes it; the first
 * success ends the degraded state. Logs one warning when the feature degrades, then at most one a
 * minute while it stays so, and one line on recovery.
 */
public final class RedisHealth {

  private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);
  private static final long WARN_INTERVAL_MS = 60_000;

  private final long retryMs;
  private final String feature;
  private final AtomicBoolean degraded = new AtomicBoolean();
  private final AtomicLong nextProbeMs = new AtomicLong();
  private final AtomicLong nextWarnMs = new AtomicLong();
  private final AtomicLong failuresSinceWarn = new AtomicLong();

  /** {@code feature} names what degrades in the log lines, e.g. "rate limits". */
  public RedisHealth(long retryMs, String feature) {
    this.retryMs = retryMs;
    this.feature = feature;
  }

  public boolean degraded() {
    return degraded.get();
  }

  /** Whether a call at {@code nowMs} should go to Redis: always while healthy, one probe per interval otherwise. */
  public boolean tryRedis(long nowMs) {
    if (!degraded.get()) {
      return true;
    }
    long next = nextProbeMs.get();
    return nowMs >= next && nextProbeMs.compareAndSet(next, nowMs + retryMs);
  }

  public void succeeded() {
    if (degraded.compareAndSet(true, false)) {
      LOG.info("Redis answers again: {} are shared across replicas again", feature);
    }
  }

  public void failed(Throwable err, long nowMs) {
    nextProbeMs.set(nowMs + retryMs);
    if (degraded.compareAndSet(false, true)) {
      nextWarnMs.set(nowMs + WARN_INTERVAL_MS);
      failuresSinceWarn.set(0);
      LOG.warn("Redis failed a call ({}); {} now work per instance, in memory, until it answers",
          describe(err), feature);
      return;
    }
    long failures = failuresSinceWarn.incrementAndGet();
    long nextWarn = nextWarnMs.get();
    if (nowMs >= nextWarn && nextWarnMs.compareAndSet(nextWarn, nowMs + WARN_INTERVAL_MS)) {
      failuresSinceWarn.set(0);
      LOG.warn("{} still work per instance: {} more Redis failures, the last: {}", feature, failures, describe(err));
    }
  }

  private static String describe(Throwable err) {
    return err.getClass().getSimpleName() + ": " + err.getMessage();
  }
}
