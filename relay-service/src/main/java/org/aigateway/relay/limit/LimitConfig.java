package org.aigateway.relay.limit;

import org.aigateway.protocol.config.Settings;

/**
 * Settings of the rate limiter (the Redis address itself is {@code REDIS_CONN_STRING}).
 *
 * @param redisTimeoutMs LIMIT_REDIS_TIMEOUT_MS: longest wait for one Redis call before answering from memory
 * @param redisRetryMs   LIMIT_REDIS_RETRY_MS: while Redis fails, how often one call probes it again
 * @param keyPrefix      LIMIT_REDIS_KEY_PREFIX: prefix of the window keys in Redis
 * @param redisPoolSize  LIMIT_REDIS_POOL_SIZE: Redis connections of a client made by
 *                       {@link RateLimiters#redisOptions}
 */
public record LimitConfig(long redisTimeoutMs, long redisRetryMs, String keyPrefix, int redisPoolSize) {

  public LimitConfig {
    if (redisTimeoutMs <= 0) {
      throw new IllegalArgumentException("LIMIT_REDIS_TIMEOUT_MS must be positive, got " + redisTimeoutMs);
    }
    if (redisRetryMs < 0) {
      throw new IllegalArgumentException("LIMIT_REDIS_RETRY_MS must not be negative, got " + redisRetryMs);
    }
    if (redisPoolSize <= 0) {
      throw new IllegalArgumentException("LIMIT_REDIS_POOL_SIZE must be positive, got " + redisPoolSize);
    }
  }

  public static LimitConfig from(Settings s) {
    return new LimitConfig(
        s.longValue("LIMIT_REDIS_TIMEOUT_MS", 100),
        s.longValue("LIMIT_REDIS_RETRY_MS", 1_000),
        s.string("LIMIT_REDIS_KEY_PREFIX", "aigw:limit:"),
        s.integer("LIMIT_REDIS_POOL_SIZE", 32));
  }
}
