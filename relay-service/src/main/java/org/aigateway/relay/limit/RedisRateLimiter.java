package org.aigateway.relay.limit;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits shared by every relay replica: one {@code admit.lua} call per admission checks and counts
 * both windows atomically in Redis. The caller's clock, not Redis {@code TIME}, places a request in
 * its bucket (replica clocks are assumed NTP-close; tests move time). Every call carries
 * {@code LIMIT_REDIS_TIMEOUT_MS}; a failure or timeout answers that call from the per-instance
 * {@link MemoryRateLimiter} and marks the limiter degraded until a probe succeeds. An admission
 * that Redis still runs after its timeout is taken back from Redis once its answer arrives.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
  private static final LuaScript ADMIT = LuaScript.resource("admit.lua");
  private static final LuaScript RECONCILE = LuaScript.resource("reconcile.lua");
  private static final long TTL_MS = (SlidingWindow.SECONDS + 1) * 1000L;

  private final Redis redis;
  private final LimitConfig config;
  private final Clock clock;
  private final MemoryRateLimiter fallback;
  private final LimitMetrics metrics;
  private final RedisHealth health;

  RedisRateLimiter(Redis redis, LimitConfig config, Clock clock, MemoryRateLimiter fallback, LimitMetrics metrics) {
    this.redis = redis;
    this.config = config;
    this.clock = clock;
    this.fallback = fallback;
    this.metrics = metrics;
    this.health = new RedisHealth(config.redisRetryMs(), "rate limits");
  }

  @Override
  public Future<LimitDecision> admit(LimitKey key, long rpmLimit, long tpmLimit, long estimatedTokens) {
    Demand demand = new Demand(rpmLimit, tpmLimit, estimatedTokens);
    if (demand.unlimited()) {
      return Future.succeededFuture(LimitDecision.unlimited());
    }
    long nowMs = clock.millis();
    if (!health.tryRedis(nowMs)) {
      return Future.succeededFuture(fallback.admitNow(key, demand));
    }
    Future<Response> call = ADMIT.eval(redis, keys(key), nowMs, SlidingWindow.SECONDS,
        demand.requestLimit(), demand.tokenLimit(), demand.estimatedTokens());
    return bounded(call)
        .map(response -> decode(demand, response))
        .onSuccess(decision -> {
          health.succeeded();
          metrics.decided(decision);
        })
        .recover(err -> {
          failed(err);
          if (!call.isComplete()) {
            call.onSuccess(late -> takeBack(key, demand, late));
          }
          return Future.succeededFuture(fallback.admitNow(key, demand));
        });
  }

  /**
   * Undoes an admission that Redis counted after its call had timed out: memory answered that
   * request and holds its reservation, so the shared windows must not count it too (they would
   * hold its request and estimated tokens for a minute, and nothing would ever reconcile them).
   */
  private void takeBack(LimitKey key, Demand demand, Response late) {
    if (late.get(0).toInteger() != 1) {
      return;
    }
    long second = late.get(6).toLong();
    List<String> keys = keys(key);
    Future<Response> requests = demand.requestLimit() > 0
        ? RECONCILE.eval(redis, List.of(keys.get(0)), second, -1, TTL_MS) : Future.succeededFuture();
    Future<Response> tokens = demand.tokenLimit() > 0 && demand.estimatedTokens() > 0
        ? RECONCILE.eval(redis, List.of(keys.get(1)), second, -demand.estimatedTokens(), TTL_MS)
        : Future.succeededFuture();
    Future.all(requests, tokens).onFailure(err ->
        LOG.debug("Could not take back a late admission of {}; it leaves the window within a minute", key, err));
  }

  @Override
  public Future<Void> reconcile(LimitKey key, Reservation reservation, long actualTokens) {
    if (reservation.store() != Reservation.Store.REDIS) {
      return fallback.reconcile(key, reservation, actualTokens);
    }
    long delta = Math.max(0, actualTokens) - reservation.estimatedTokens();
    OptionalLong bucket = reservation.bucketFor(delta, clock.millis());
    if (delta == 0 || bucket.isEmpty() || health.degraded()) {
      return Future.succeededFuture();
    }
    return bounded(RECONCILE.eval(redis, List.of(keys(key).get(1)), bucket.getAsLong(), delta, TTL_MS))
        .<Void>mapEmpty()
        .onSuccess(v -> health.succeeded())
        .recover(err -> {
          failed(err);
          return Future.succeededFuture();
        });
  }

  @Override
  public boolean degraded() {
    return health.degraded();
  }

  @Override
  public void close() {
    fallback.close();
  }

  /** Loads both scripts so that the first admissions do not pay for {@code NOSCRIPT}; never fails. */
  @Override
  public Future<Void> start() {
    return Future.all(ADMIT.load(redis), RECONCILE.load(redis))
        .<Void>mapEmpty()
        .recover(err -> {
          LOG.warn("Could not load the rate-limit scripts into Redis; they load on first use", err);
          return Future.succeededFuture();
        });
  }

  private List<String> keys(LimitKey key) {
    return keys(config.keyPrefix(), key);
  }

  /** The request and token window keys; the braces put both in one Redis Cluster slot. */
  static List<String> keys(String prefix, LimitKey key) {
    String base = prefix + "{" + key.id() + "}";
    return List.of(base + ":rpm", base + ":tpm");
  }

  private <T> Future<T> bounded(Future<T> call) {
    return call.timeout(config.redisTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  private void failed(Throwable err) {
    metrics.redisFailed();
    health.failed(err, clock.millis());
  }

  private static LimitDecision decode(Demand demand, Response r) {
    long[] used = {r.get(2).toLong(), r.get(4).toLong()};
    long[] resetMs = {r.get(3).toLong(), r.get(5).toLong()};
    int rejectedBy = r.get(1).toInteger() - 1;
    return LimitDecision.of(demand, rejectedBy, used, resetMs, r.get(6).toLong(), Reservation.Store.REDIS);
  }
}
