package org.aigateway.relay.limit;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import org.aigateway.runtime.cluster.VertxFactory;

/** Builds the relay's rate limiter: shared through Redis when there is one, per instance otherwise. */
public final class RateLimiters {

  /** How often keys idle for a whole window are dropped from memory. */
  static final long EVICTION_PERIOD_MS = 10_000;
  private static final int MAX_POOL_WAITING = 10_000;
  private static final int CONNECT_TIMEOUT_MS = 1_000;

  private RateLimiters() {
  }

  /**
   * The limiter for {@code redis}, or a memory limiter when {@code redis} is {@code null}
   * ({@code REDIS_CONN_STRING} empty). The caller keeps owning the Redis client.
   */
  public static RateLimiter create(Vertx vertx, Redis redis, LimitConfig config) {
    return create(vertx, redis, config, Clock.systemUTC(), VertxFactory.METRICS);
  }

  /** As {@link #create(Vertx, Redis, LimitConfig)}, with the clock that places requests in buckets. */
  public static RateLimiter create(Vertx vertx, Redis redis, LimitConfig config, Clock clock,
                                   MeterRegistry registry) {
    LimitMetrics metrics = new LimitMetrics(registry);
    MemoryRateLimiter memory = new MemoryRateLimiter(clock, metrics);
    memory.evictEvery(vertx, EVICTION_PERIOD_MS);
    RateLimiter limiter = redis == null ? memory : new RedisRateLimiter(redis, config, clock, memory, metrics);
    metrics.watchDegraded(limiter::degraded);
    return limiter;
  }

  /**
   * Options for a Redis client that can carry one limiter call per relay request: the client's
   * defaults (6 connections, 24 waiting callers) would refuse calls under load, which the limiter
   * would then answer from memory. Connects give up after a second, so an unreachable Redis does not
   * pile up attempts.
   */
  public static RedisOptions redisOptions(String connectionString, LimitConfig config) {
    return new RedisOptions()
        .setConnectionString(connectionString)
        .setMaxPoolSize(config.redisPoolSize())
        .setMaxPoolWaiting(MAX_POOL_WAITING)
        .setNetClientOptions(new NetClientOptions()
            .setConnectTimeout(CONNECT_TIMEOUT_MS).setTcpNoDelay(true).setTcpKeepAlive(true));
  }
}
