package org.aigateway.relay.responses;

import io.vertx.redis.client.Redis;
import java.time.Clock;

/** Builds the relay's response store: in Redis when the relay has a Redis client, in memory otherwise. */
public final class ResponseStores {

  private ResponseStores() {
  }

  /** @param redis the relay's Redis client ({@code REDIS_CONN_STRING}), {@code null} for a store per instance */
  public static ResponseStore create(Redis redis, ResponseStoreConfig config, Clock clock) {
    return redis == null ? new MemoryResponseStore(config, clock) : new RedisResponseStore(redis, config);
  }
}
