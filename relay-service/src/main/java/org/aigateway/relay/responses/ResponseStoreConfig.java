package org.aigateway.relay.responses;

import org.aigateway.protocol.config.Settings;

/**
 * Settings of the response store.
 *
 * @param ttlSeconds  RESPONSE_STORE_TTL_SECONDS: how long a response id stays routable to its channel
 * @param maxEntries  RESPONSE_STORE_MAX_ENTRIES: entries kept in memory when there is no Redis (oldest go first)
 */
public record ResponseStoreConfig(long ttlSeconds, int maxEntries) {

  /** OpenAI keeps stored responses for 30 days. */
  static final long DEFAULT_TTL_SECONDS = 30L * 24 * 3600;

  public static ResponseStoreConfig from(Settings s) {
    return new ResponseStoreConfig(Math.max(1, s.longValue("RESPONSE_STORE_TTL_SECONDS", DEFAULT_TTL_SECONDS)),
        Math.max(1, s.integer("RESPONSE_STORE_MAX_ENTRIES", 100_000)));
  }
}
