package org.aigateway.relay.limit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits of this instance only: used when no Redis is configured, and by {@link RedisRateLimiter}
 * while Redis does not answer. Each key's windows change under the map's per-key lock, so concurrent
 * admissions of one key are serialised and different keys do not contend. Keys whose usage has left
 * the window are dropped by {@link #evictIdle()}, which keeps memory to the keys active in the last
 * minute.
 */
public final class MemoryRateLimiter implements RateLimiter {

  private final Clock clock;
  private final LimitMetrics metrics;
  private final ConcurrentHashMap<LimitKey, KeyWindows> windows = new ConcurrentHashMap<>();
  private Vertx timers;
  private long evictionTimer = -1;

  MemoryRateLimiter(Clock clock, LimitMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public Future<LimitDecision> admit(LimitKey key, long rpmLimit, long tpmLimit, long estimatedTokens) {
    return Future.succeededFuture(admitNow(key, new Demand(rpmLimit, tpmLimit, estimatedTokens)));
  }

  LimitDecision admitNow(LimitKey key, Demand demand) {
    if (demand.unlimited()) {
      return LimitDecision.unlimited();
    }
    long nowMs = clock.millis();
    LimitDecision[] decision = new LimitDecision[1];
    windows.compute(key, (k, existing) -> {
      KeyWindows current = existing == null ? new KeyWindows() : existing;
      decision[0] = current.admit(demand, nowMs);
      return current;
    });
    metrics.decided(decision[0]);
    return decision[0];
  }

  @Override
  public Future<Void> reconcile(LimitKey key, Reservation reservation, long actualTokens) {
    long delta = Math.max(0, actualTokens) - reservation.estimatedTokens();
    if (reservation.store() != Reservation.Store.MEMORY || delta == 0) {
      return Future.succeededFuture();
    }
    OptionalLong bucket = reservation.bucketFor(delta, clock.millis());
    if (bucket.isPresent()) {
      windows.compute(key, (k, existing) -> {
        KeyWindows current = existing == null ? new KeyWindows() : existing;
        current.adjustTokens(bucket.getAsLong(), delta);
        return current;
      });
    }
    return Future.succeededFuture();
  }

  /** Drops keys with nothing left in their windows. */
  public void evictIdle() {
    long nowMs = clock.millis();
    windows.keySet().forEach(key -> windows.computeIfPresent(key, (k, w) -> w.idle(nowMs) ? null : w));
  }

  /** Runs {@link #evictIdle()} every {@code periodMs} until {@link #close()}. */
  void evictEvery(Vertx vertx, long periodMs) {
    timers = vertx;
    evictionTimer = vertx.setPeriodic(periodMs, id -> evictIdle());
  }

  @Override
  public void close() {
    if (evictionTimer >= 0) {
      timers.cancelTimer(evictionTimer);
      evictionTimer = -1;
    }
    metrics.close();
  }

  /** Keys currently held. */
  public int keyCount() {
    return windows.size();
  }
}
