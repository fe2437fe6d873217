package org.aigateway.relay;

import org.aigateway.protocol.config.Settings;

/**
 * The relay's settings, read once at start.
 *
 * @param port                 RELAY_PORT: own HTTP port; -1 none (the launcher mounts the router), 0 random
 * @param sqlDsn               SQL_DSN: the database holding admin's configuration tables
 * @param sqlPoolSize          RELAY_DB_POOL_SIZE: connections for snapshot loads and key look-ups
 * @param redis                REDIS_CONN_STRING: optional; rate limits and the channel monitor shared by
 *                             replicas, pinged by /readyz
 * @param adminKey             ADMIN_KEY: a relay key equal to it is an internal caller
 * @param internalToken        INTERNAL_TOKEN: another internal caller key
 * @param retryTimes           RETRY_TIMES: extra attempts on other channels (a model's retry_times wins when > 0)
 * @param timeoutMs            RELAY_TIMEOUT_SECONDS: the longest an upstream call may take in total
 * @param firstByteTimeoutMs   FIRST_BYTE_TIMEOUT_SECONDS: the longest a stream may wait for its first upstream byte
 * @param connectTimeoutMs     UPSTREAM_CONNECT_TIMEOUT_SECONDS: TCP and TLS connect limit
 * @param upstreamPoolSize     UPSTREAM_POOL_SIZE: HTTP/1 connections per upstream host
 * @param resyncMs             SNAPSHOT_RESYNC_SECONDS: period of the full configuration reload
 * @param disableModelConfig   DISABLE_MODEL_CONFIG: serve models without a model config, for free
 */
public record RelayConfig(int port, String sqlDsn, int sqlPoolSize, String redis, String adminKey,
                          String internalToken, int retryTimes, long timeoutMs, long firstByteTimeoutMs,
                          long connectTimeoutMs, int upstreamPoolSize, long resyncMs, boolean disableModelConfig) {

  /** Largest request body accepted (the original's limit). */
  public static final long BODY_LIMIT = 50L * 1024 * 1024;

  public static RelayConfig from(Settings s) {
    return new RelayConfig(
        s.integer("RELAY_PORT", 3001),
        s.string("SQL_DSN", ""),
        s.integer("RELAY_DB_POOL_SIZE", 8),
        s.string("REDIS_CONN_STRING", ""),
        s.string("ADMIN_KEY", ""),
        s.string("INTERNAL_TOKEN", ""),
        s.integer("RETRY_TIMES", 0),
        s.longValue("RELAY_TIMEOUT_SECONDS", 600) * 1000,
        s.longValue("FIRST_BYTE_TIMEOUT_SECONDS", 120) * 1000,
        s.longValue("UPSTREAM_CONNECT_TIMEOUT_SECONDS", 10) * 1000,
        s.integer("UPSTREAM_POOL_SIZE", 1000),
        s.longValue("SNAPSHOT_RESYNC_SECONDS", 60) * 1000,
        s.bool("DISABLE_MODEL_CONFIG", false));
  }
}
